// Parses an SVG document with Foundation's XMLParser: well-formedness, and the plot area and point positions.

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The elements of an SVG document, in document order, or the parser's error.
final class SVGInspection: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String = ""
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []
    private(set) var error: (any Error)?

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError ?? CocoaError(.coderReadCorrupt) }
    }

    var isWellFormed: Bool { error == nil && !elements.isEmpty }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }

    /// The `plot-area` rectangle as (minX, minY, maxX, maxY).
    var plotArea: (Double, Double, Double, Double)? {
        guard let rect = elements.first(where: { $0.name == "rect" && $0.attributes["class"] == "plot-area" }),
              let x = rect.attributes["x"].flatMap(Double.init), let y = rect.attributes["y"].flatMap(Double.init),
              let width = rect.attributes["width"].flatMap(Double.init),
              let height = rect.attributes["height"].flatMap(Double.init) else { return nil }
        return (x, y, x + width, y + height)
    }

    /// The centres of the data points (`<g class="point" transform="translate(x,y)">`).
    var points: [(x: Double, y: Double)] {
        elements.filter { $0.name == "g" && $0.attributes["class"] == "point" }.compactMap { element in
            guard let transform = element.attributes["transform"], transform.hasPrefix("translate("), transform.hasSuffix(")") else { return nil }
            let numbers = transform.dropFirst("translate(".count).dropLast().split(separator: ",").compactMap { Double($0) }
            return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
        }
    }

    /// Problems a browser or a careful reader would have: not well-formed, not SVG 1.1, scripts, external
    /// references, points outside the plot area.
    var problems: [String] {
        guard isWellFormed else { return ["not well-formed XML: \(String(describing: error))"] }
        var problems: [String] = []
        let root = elements[0]
        if root.name != "svg" || root.attributes["xmlns"] != "http://www.w3.org/2000/svg" || root.attributes["version"] != "1.1" {
            problems.append("root is not an SVG 1.1 <svg> element: \(root.name) \(root.attributes)")
        }
        for element in elements {
            if element.name == "script" || element.name == "foreignObject" { problems.append("has <\(element.name)>") }
            for (name, value) in element.attributes where name.hasSuffix("href") && !value.hasPrefix("#") {
                problems.append("external reference \(value)")
            }
            if element.name == "style", element.text.contains("@import") || element.text.contains("url(") {
                problems.append("external font or style")
            }
        }
        guard let (minX, minY, maxX, maxY) = plotArea else { return problems + ["no plot-area rectangle"] }
        for point in points where point.x < minX - 0.05 || point.x > maxX + 0.05 || point.y < minY - 0.05 || point.y > maxY + 0.05 {
            problems.append("point at \(point) outside the plot area \((minX, minY, maxX, maxY))")
        }
        return problems
    }
}
