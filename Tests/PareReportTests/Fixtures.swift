// Models the goldens never show, written as .pare text: every layer kind, frozen layers, batch normalisation.

import PareModel

enum Fixtures {
    /// Every layer kind and option the renderers distinguish: BatchNormalization on an image and on a vector,
    /// a frozen convolution and a frozen batch normalisation, average and global pooling, dropout, stand-alone
    /// activations (including linear), and fused tanh/sigmoid/softmax.
    static let zooText = """
        model "zoo"
        input 28x28x1
        conv2d 8 3 relu padding=same
        batchnorm
        maxpool2d 2
        conv2d 16 3 sigmoid trainable=false
        batchnorm trainable=false
        avgpool2d 2
        activation relu
        globalavgpool2d
        dense 32 tanh
        batchnorm
        dropout 0.5
        activation linear
        dense 10 softmax
        """

    static func analysis(_ text: String) throws -> ModelAnalysis {
        try ParsedModel.parse(text, path: "fixture.pare").analyze()
    }

    static var zoo: ModelAnalysis {
        get throws { try analysis(zooText) }
    }
}
