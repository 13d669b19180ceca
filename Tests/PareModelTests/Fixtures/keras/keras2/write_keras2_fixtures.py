"""Writes the hand-written Keras 2 fixtures (see README.md): the dicts below are typed from tf.keras 2.13's and
Keras 2.1.6's documented `to_json()` format, not produced by Keras. Python standard library only.

Usage (from this folder): python3 write_keras2_fixtures.py
"""
import json

NULL = None


def init(name, **config):
    return {"class_name": name, "config": config}


GLOROT = init("GlorotUniform", seed=NULL)
ZEROS = init("Zeros")


def conv(name, filters, kernel, activation="relu", strides=(1, 1), padding="valid", use_bias=True):
    return {"class_name": "Conv2D", "config": {
        "name": name, "trainable": True, "dtype": "float32", "filters": filters, "kernel_size": list(kernel),
        "strides": list(strides), "padding": padding, "data_format": "channels_last", "dilation_rate": [1, 1],
        "groups": 1, "activation": activation, "use_bias": use_bias, "kernel_initializer": GLOROT,
        "bias_initializer": ZEROS, "kernel_regularizer": NULL, "bias_regularizer": NULL, "activity_regularizer": NULL,
        "kernel_constraint": NULL, "bias_constraint": NULL}}


def dense(name, units, activation, dtype="float32"):
    return {"class_name": "Dense", "config": {
        "name": name, "trainable": True, "dtype": dtype, "units": units, "activation": activation, "use_bias": True,
        "kernel_initializer": GLOROT, "bias_initializer": ZEROS, "kernel_regularizer": NULL, "bias_regularizer": NULL,
        "activity_regularizer": NULL, "kernel_constraint": NULL, "bias_constraint": NULL}}


def pool(kind, name, size):
    return {"class_name": kind, "config": {
        "name": name, "trainable": True, "dtype": "float32", "pool_size": list(size), "padding": "valid",
        "strides": list(size), "data_format": "channels_last"}}


def qiita_cnn2_2():
    """tf.keras 2.13: Sequential with an InputLayer named after the first layer."""
    layers = [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [NULL, 28, 28, 1], "dtype": "float32",
                                                "sparse": False, "ragged": False, "name": "conv2d_input"}},
        conv("conv2d", 2, (3, 3)), conv("conv2d_1", 2, (3, 3)), pool("MaxPooling2D", "max_pooling2d", (2, 2)),
        conv("conv2d_2", 4, (3, 3)), conv("conv2d_3", 4, (3, 3)), pool("MaxPooling2D", "max_pooling2d_1", (2, 2)),
        {"class_name": "Flatten", "config": {"name": "flatten", "trainable": True, "dtype": "float32",
                                             "data_format": "channels_last"}},
        dense("dense", 10, "softmax")]
    return {"class_name": "Sequential", "config": {"name": "sequential", "layers": layers},
            "keras_version": "2.13.1", "backend": "tensorflow"}


def seed000_mlp_128_legacy():
    """Keras 2.1.6: Sequential config as a list, batch_input_shape on the first layer, 1-based names."""
    def legacy_dense(name, units, activation):
        return {"class_name": "Dense", "config": {
            "name": name, "trainable": True, "units": units, "activation": activation, "use_bias": True,
            "kernel_initializer": init("VarianceScaling", scale=1.0, mode="fan_avg", distribution="uniform", seed=NULL),
            "bias_initializer": ZEROS, "kernel_regularizer": NULL, "bias_regularizer": NULL,
            "activity_regularizer": NULL, "kernel_constraint": NULL, "bias_constraint": NULL}}
    layers = [
        {"class_name": "Flatten", "config": {"name": "flatten_1", "trainable": True, "batch_input_shape": [NULL, 28, 28, 1],
                                             "dtype": "float32", "data_format": "channels_last"}},
        legacy_dense("dense_1", 128, "relu"), legacy_dense("dense_2", 10, "linear")]
    return {"class_name": "Sequential", "config": layers, "keras_version": "2.1.6", "backend": "tensorflow"}


def every_layer():
    """tf.keras 2.13: Functional with nested-list inbound nodes; the model of ../keras3/every_layer.json."""
    def node(*names):
        return [[[name, 0, 0, {}] for name in names]]

    def layer(cls, name, inbound, trainable=True, **config):
        return {"class_name": cls, "config": {"name": name, "trainable": trainable, "dtype": "float32", **config},
                "name": name, "inbound_nodes": node(*inbound)}

    def depthwise(name, kernel, inbound, multiplier, activation, use_bias):
        return layer("DepthwiseConv2D", name, inbound, kernel_size=list(kernel), strides=[1, 1], padding="valid",
                     data_format="channels_last", dilation_rate=[1, 1], groups=1, activation=activation,
                     use_bias=use_bias, bias_initializer=ZEROS, bias_regularizer=NULL, activity_regularizer=NULL,
                     bias_constraint=NULL, depth_multiplier=multiplier, depthwise_initializer=GLOROT,
                     depthwise_regularizer=NULL, depthwise_constraint=NULL)

    stem = conv("stem", 8, (3, 3), activation="linear", strides=(2, 2), padding="same", use_bias=False)
    stem.update(name="stem", inbound_nodes=node("pixels"))
    head = dense("head", 10, "softmax", dtype={"class_name": "Policy", "config": {"name": "float32"}})
    head.update(name="head", inbound_nodes=node("drop"))
    layers = [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [NULL, 12, 12, 3], "dtype": "float32",
                                                "sparse": False, "ragged": False, "name": "pixels"},
         "name": "pixels", "inbound_nodes": []},
        stem,
        layer("BatchNormalization", "stem_bn", ["stem"], trainable=False, axis=[3], momentum=0.9, epsilon=1e-05,
              center=True, scale=True, beta_initializer=ZEROS, gamma_initializer=init("Ones"),
              moving_mean_initializer=ZEROS, moving_variance_initializer=init("Ones"), beta_regularizer=NULL,
              gamma_regularizer=NULL, beta_constraint=NULL, gamma_constraint=NULL),
        layer("ReLU", "stem_relu", ["stem_bn"], max_value=6.0, negative_slope=0.0, threshold=0.0),
        layer("ZeroPadding2D", "pad_int", ["stem_relu"], padding=1, data_format="channels_last"),
        depthwise("dw", (3, 3), ["pad_int"], 1, "relu", True),
        layer("Add", "residual", ["stem_relu", "dw"]),
        layer("ZeroPadding2D", "pad_pair", ["residual"], padding=[1, 2], data_format="channels_last"),
        depthwise("dw_multiplier", (3, 5), ["pad_pair"], 2, "linear", False),
        layer("ZeroPadding2D", "pad_pairs", ["dw_multiplier"], padding=[[0, 1], [1, 0]], data_format="channels_last"),
        layer("AveragePooling2D", "avg", ["pad_pairs"], pool_size=[2, 2], padding="same", strides=[1, 1],
              data_format="channels_last"),
        layer("MaxPooling2D", "max", ["avg"], pool_size=[3, 3], padding="valid", strides=[2, 2],
              data_format="channels_last"),
        layer("Activation", "tanh", ["max"], activation="tanh"),
        layer("GlobalAveragePooling2D", "gap", ["tanh"], data_format="channels_last", keepdims=False),
        layer("Dropout", "drop", ["gap"], rate=0.3, noise_shape=NULL, seed=NULL),
        head,
    ]
    return {"class_name": "Functional", "config": {"name": "every_layer", "trainable": True, "layers": layers,
                                                   "input_layers": [["pixels", 0, 0]],
                                                   "output_layers": [["head", 0, 0]]},
            "keras_version": "2.13.1", "backend": "tensorflow"}


def main():
    for name, build, indent in [("qiita_cnn2_2", qiita_cnn2_2, None),
                                ("seed000_mlp_128_legacy", seed000_mlp_128_legacy, None),
                                ("every_layer", every_layer, 1)]:
        with open(f"{name}.json", "w", encoding="utf-8") as f:
            f.write(json.dumps(build(), indent=indent) + "\n")


if __name__ == "__main__":
    main()
