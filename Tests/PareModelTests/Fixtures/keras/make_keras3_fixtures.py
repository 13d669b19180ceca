"""Writes the Keras 3 fixtures of PareModelTests: real `model.to_json()` output, `.keras` archives and real
`model.summary()` text for the models the golden files do not cover.

The seed models are built exactly as the golden summaries were (../shared/golden/README.md, the Keras builders
of ../shared/tools/pytorch-baseline/archs.py), each in a fresh session so that Keras names them as in the
goldens; MobileNetV2 is keras.applications.MobileNetV2(weights=None). Never needed to run the tests.

Usage (from the repository root, Keras 3.15.1 with the torch backend; COLUMNS keeps rich from narrowing tables):
    COLUMNS=200 KERAS_BACKEND=torch VENV/bin/python Tests/PareModelTests/Fixtures/keras/make_keras3_fixtures.py
"""
import os
import zipfile

os.environ.setdefault("KERAS_BACKEND", "torch")

import keras  # noqa: E402
from keras import layers as L  # noqa: E402

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "keras3")


def seed_model(kind, n=None):
    """The golden models (Keras 3 Sequential, unnamed), as archs.keras_model builds them."""
    img = keras.Input(shape=(28, 28, 1))
    if kind == "seed000_cnn":
        return [img, L.Conv2D(4, 3), L.Conv2D(4, 3), L.Flatten(), L.Dense(128, activation="relu"), L.Dense(10)]
    if kind == "seed000_mlp":
        return [img, L.Flatten(), L.Dense(n, activation="relu"), L.Dense(10)]
    if kind == "qiita_mlp":
        return [keras.Input(shape=(784,)), L.Dense(n, activation="relu"), L.Dense(n, activation="relu"),
                L.Dense(10, activation="softmax")]
    if kind == "qiita_poolmlp":
        return [img, L.MaxPooling2D(2), L.Flatten(), L.Dense(n, activation="relu"), L.Dense(n, activation="relu"),
                L.Dense(10, activation="softmax")]
    if kind == "qiita_cnn1":
        return [img, L.Conv2D(n, 3, activation="relu"), L.Conv2D(2 * n, 3, activation="relu"), L.MaxPooling2D(2),
                L.Flatten(), L.Dense(4 * n, activation="relu"), L.Dense(10, activation="softmax")]
    if kind == "qiita_cnn2":
        return [img, L.Conv2D(n, 3, activation="relu"), L.Conv2D(n, 3, activation="relu"), L.MaxPooling2D(2),
                L.Conv2D(2 * n, 3, activation="relu"), L.Conv2D(2 * n, 3, activation="relu"), L.MaxPooling2D(2),
                L.Flatten(), L.Dense(10, activation="softmax")]
    if kind == "seed004_fc1":
        return [img, L.Flatten(), L.Dense(512, activation="relu"), L.Dropout(0.25), L.Dense(10, activation="softmax")]
    if kind == "seed004_cnn1":
        return [img, L.Conv2D(16, 5, padding="same", activation="relu"), L.MaxPooling2D(2), L.Flatten(),
                L.Dense(512, activation="relu"), L.Dropout(0.25), L.Dense(10, activation="softmax")]
    if kind == "seed004_cnn2":
        stack = [img]
        for filters, count in [(32, 2), (64, 3), (128, 3)]:
            stack += [L.Conv2D(filters, 3, padding="same", activation="relu") for _ in range(count)]
            stack += [L.MaxPooling2D(2), L.Dropout(0.25)]
        return stack + [L.Flatten(), L.Dense(512, activation="relu"), L.Dropout(0.25), L.Dense(10, activation="softmax")]
    raise ValueError(kind)


def every_layer():
    """A functional model with every layer kind Pare describes (residual add, three ZeroPadding2D forms, ReLU6,
    depthwise with multiplier, same-padded average pooling, a frozen BatchNormalization) and a named input."""
    pixels = keras.Input(shape=(12, 12, 3), name="pixels")
    stem = L.Conv2D(8, 3, strides=2, padding="same", use_bias=False, name="stem")(pixels)
    norm = L.BatchNormalization(momentum=0.9, epsilon=1e-5, name="stem_bn")(stem)
    relu6 = L.ReLU(6.0, name="stem_relu")(norm)
    padded = L.ZeroPadding2D(1, name="pad_int")(relu6)
    depthwise = L.DepthwiseConv2D(3, activation="relu", name="dw")(padded)
    residual = L.Add(name="residual")([relu6, depthwise])
    pair = L.ZeroPadding2D((1, 2), name="pad_pair")(residual)
    multiplied = L.DepthwiseConv2D((3, 5), depth_multiplier=2, use_bias=False, name="dw_multiplier")(pair)
    pairs = L.ZeroPadding2D(((0, 1), (1, 0)), name="pad_pairs")(multiplied)
    average = L.AveragePooling2D(2, strides=1, padding="same", name="avg")(pairs)
    maximum = L.MaxPooling2D(3, strides=2, name="max")(average)
    squashed = L.Activation("tanh", name="tanh")(maximum)
    pooled = L.GlobalAveragePooling2D(name="gap")(squashed)
    dropped = L.Dropout(0.3, name="drop")(pooled)
    head = L.Dense(10, activation="softmax", name="head")(dropped)
    model = keras.Model(pixels, head, name="every_layer")
    model.get_layer("stem_bn").trainable = False
    return model


def every_layer_sequential():
    """A Sequential model with the remaining options: rectangular kernels and strides, same max pooling with a
    rectangular window, a plain ReLU layer, Flatten of an image, Dense without bias, a frozen Dense."""
    model = keras.Sequential([
        keras.Input(shape=(10, 10, 2)),
        L.Conv2D(3, (3, 2), strides=(1, 2), activation="relu"),
        L.BatchNormalization(),
        L.ReLU(),
        L.MaxPooling2D((2, 1), padding="same"),
        L.AveragePooling2D(2),
        L.Flatten(),
        L.Dense(12, activation="sigmoid", use_bias=False),
        L.Activation("relu"),
        L.Dropout(0.5),
        L.Dense(4),
    ], name="every_layer_sequential")
    model.layers[6].trainable = False  # the Dense(12)
    return model


def functional_chain():
    """A functional model that is a single chain: Keras lists it without "Connected to" but with its input."""
    image = keras.Input(shape=(28, 28, 1))
    hidden = L.Conv2D(2, 3, activation="relu")(image)
    return keras.Model(image, L.Dense(10)(L.Flatten()(hidden)))


def summary(model, **options):
    lines = []
    model.summary(print_fn=lambda text, line_break=False: lines.append(text), **options)
    return "".join(lines)


def write(name, text):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        f.write(text)


def main():
    os.makedirs(HERE, exist_ok=True)
    seeds = [("seed000_cnn", "seed000_cnn", None), ("seed000_mlp_128", "seed000_mlp", 128),
             ("qiita_mlp_16", "qiita_mlp", 16), ("qiita_poolmlp_16", "qiita_poolmlp", 16),
             ("qiita_cnn1_2", "qiita_cnn1", 2), ("qiita_cnn2_2", "qiita_cnn2", 2),
             ("seed004_fc1", "seed004_fc1", None), ("seed004_cnn1", "seed004_cnn1", None),
             ("seed004_cnn2", "seed004_cnn2", None)]
    for golden, kind, n in seeds:
        keras.backend.clear_session()
        model = keras.Sequential(seed_model(kind, n))
        write(f"{golden}.json", model.to_json(indent=1))
        if golden == "qiita_cnn2_2":
            archive = os.path.join(HERE, "qiita_cnn2_2.keras")
            model.save(archive)
            # The same archive with DEFLATE-compressed members (Keras itself stores them uncompressed).
            with zipfile.ZipFile(archive) as source, \
                    zipfile.ZipFile(os.path.join(HERE, "qiita_cnn2_2_deflated.keras"), "w", zipfile.ZIP_DEFLATED) as copy:
                for info in source.infolist():
                    copy.writestr(info.filename, source.read(info.filename))

    for name, build in [("every_layer", every_layer), ("every_layer_sequential", every_layer_sequential),
                        ("functional_chain", functional_chain)]:
        keras.backend.clear_session()
        model = build()
        write(f"{name}.json", model.to_json(indent=1))
        write(f"{name}.keras.txt", summary(model))
        write(f"{name}.keras_show_trainable.txt", summary(model, show_trainable=True))

    keras.backend.clear_session()
    write("mobilenetv2.json", keras.applications.MobileNetV2(weights=None).to_json())


if __name__ == "__main__":
    main()
