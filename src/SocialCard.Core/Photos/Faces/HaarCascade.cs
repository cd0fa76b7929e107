using System.Globalization;
using System.Xml.Linq;

namespace SocialCard.Core.Photos.Faces;

/// <summary>One weighted rectangle of a Haar feature, in window pixels (for a tilted feature: the 45° rectangle
/// whose top corner is (X, Y), Width running down-right and Height down-left).</summary>
internal readonly record struct HaarRect(int X, int Y, int Width, int Height, float Weight);

/// <summary>A Haar feature: the weighted sum of two or three rectangle sums.</summary>
internal sealed record HaarFeature(HaarRect[] Rects, bool Tilted);

/// <summary>
/// A decision-tree node: the feature value (normalised by the window's standard deviation) is compared with
/// <see cref="Threshold"/>; below goes <see cref="Left"/>. A child &gt; 0 is a node of the same tree (relative to its
/// root); a child ≤ 0 is the leaf −child of the tree. A stump is a tree with one node and leaves 0 and 1.
/// </summary>
internal readonly record struct HaarNode(int Feature, float Threshold, int Left, int Right);

/// <summary>A weak classifier (tree): where its nodes and leaf values start in the cascade's flat arrays.</summary>
internal readonly record struct HaarTree(int FirstNode, int FirstLeaf);

/// <summary>A boosted stage: the window passes when the summed leaf values of its trees reach the threshold.</summary>
internal readonly record struct HaarStage(float Threshold, int FirstTree, int TreeCount);

/// <summary>
/// A Viola–Jones cascade of boosted Haar-feature trees as trained by OpenCV, read from its XML file. Immutable after
/// loading, so one instance serves any number of threads. Both file formats are read: the current
/// <c>&lt;cascade type_id="opencv-cascade-classifier"&gt;</c> (stages → weakClassifiers → internalNodes/leafValues,
/// features listed once at the end) and the older <c>type_id="opencv-haar-classifier"</c> (stages → trees → nodes,
/// each node carrying its feature, with left_val/right_val or left_node/right_node). Stages are evaluated in file
/// order (the parent/next links of old tree-of-stages files are ignored).
/// </summary>
public sealed class HaarCascade
{
    private HaarCascade(string name, int width, int height, HaarStage[] stages, HaarTree[] trees, HaarNode[] nodes, float[] leaves, HaarFeature[] features)
    {
        Name = name;
        WindowWidth = width;
        WindowHeight = height;
        Stages = stages;
        Trees = trees;
        Nodes = nodes;
        Leaves = leaves;
        Features = features;
        HasTiltedFeatures = features.Any(f => f.Tilted);
    }

    /// <summary>The file name the cascade was read from (for messages).</summary>
    public string Name { get; }

    /// <summary>The size of the training window (24 × 24 for the frontal face, 20 × 20 for the eyes).</summary>
    public int WindowWidth { get; }

    public int WindowHeight { get; }

    public int StageCount => Stages.Length;

    /// <summary>Whether any feature is a 45° one (it then needs the tilted integral image).</summary>
    public bool HasTiltedFeatures { get; }

    internal HaarStage[] Stages { get; }

    internal HaarTree[] Trees { get; }

    internal HaarNode[] Nodes { get; }

    internal float[] Leaves { get; }

    internal HaarFeature[] Features { get; }

    /// <summary>Reads a cascade file; <see cref="InvalidDataException"/> when it is not a Haar cascade.</summary>
    public static HaarCascade Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, Path.GetFileName(path));
    }

    public static HaarCascade Load(Stream stream, string name)
    {
        var root = XDocument.Load(stream).Root?.Elements().FirstOrDefault()
            ?? throw new InvalidDataException($"{name}: empty cascade file");
        return (string?)root.Attribute("type_id") switch
        {
            "opencv-cascade-classifier" => ReadCurrent(root, name),
            "opencv-haar-classifier" => ReadOld(root, name),
            var other => throw new InvalidDataException($"{name}: not an OpenCV cascade (type_id \"{other}\")"),
        };
    }

    private static HaarCascade ReadCurrent(XElement cascade, string name)
    {
        var type = ((string?)cascade.Element("featureType"))?.Trim();
        if (type != "HAAR")
        {
            throw new InvalidDataException($"{name}: feature type {type} is not supported, only HAAR");
        }

        var features = Items(cascade.Element("features")).Select(f => new HaarFeature(
            [.. Items(f.Element("rects")).Select(r => Rect(Numbers(r)))],
            ((string?)f.Element("tilted"))?.Trim() == "1")).ToArray();
        List<HaarStage> stages = [];
        List<HaarTree> trees = [];
        List<HaarNode> nodes = [];
        List<float> leaves = [];
        foreach (var stage in Items(cascade.Element("stages")))
        {
            var firstTree = trees.Count;
            foreach (var weak in Items(stage.Element("weakClassifiers")))
            {
                trees.Add(new HaarTree(nodes.Count, leaves.Count));
                var n = Numbers(weak.Element("internalNodes"));
                for (var i = 0; i + 3 < n.Length; i += 4)
                {
                    // left right feature threshold (categorical splits of LBP cascades are not read)
                    nodes.Add(new HaarNode(CheckFeature((int)n[i + 2], features.Length, name), (float)n[i + 3], (int)n[i], (int)n[i + 1]));
                }

                leaves.AddRange(Numbers(weak.Element("leafValues")).Select(v => (float)v));
            }

            stages.Add(new HaarStage(Float(stage, "stageThreshold"), firstTree, trees.Count - firstTree));
        }

        return Build(name, Int(cascade, "width"), Int(cascade, "height"), stages, trees, nodes, leaves, features);
    }

    private static HaarCascade ReadOld(XElement cascade, string name)
    {
        var size = Numbers(cascade.Element("size"));
        List<HaarStage> stages = [];
        List<HaarTree> trees = [];
        List<HaarNode> nodes = [];
        List<float> leaves = [];
        List<HaarFeature> features = [];
        foreach (var stage in Items(cascade.Element("stages")))
        {
            var firstTree = trees.Count;
            foreach (var tree in Items(stage.Element("trees")))
            {
                trees.Add(new HaarTree(nodes.Count, leaves.Count));
                var firstLeaf = leaves.Count;
                foreach (var node in Items(tree))
                {
                    var feature = node.Element("feature") ?? throw new InvalidDataException($"{name}: node without feature");
                    features.Add(new HaarFeature(
                        [.. Items(feature.Element("rects")).Select(r => Rect(Numbers(r)))],
                        ((string?)feature.Element("tilted"))?.Trim() == "1"));
                    nodes.Add(new HaarNode(features.Count - 1, Float(node, "threshold"), Child("left"), Child("right")));

                    int Child(string side)
                    {
                        if (node.Element(side + "_node") is { } next)
                        {
                            return int.Parse(next.Value.Trim(), CultureInfo.InvariantCulture);
                        }

                        leaves.Add(Float(node, side + "_val"));
                        return -(leaves.Count - 1 - firstLeaf);
                    }
                }
            }

            stages.Add(new HaarStage(Float(stage, "stage_threshold"), firstTree, trees.Count - firstTree));
        }

        return size.Length == 2
            ? Build(name, (int)size[0], (int)size[1], stages, trees, nodes, leaves, [.. features])
            : throw new InvalidDataException($"{name}: missing window size");
    }

    private static HaarCascade Build(string name, int width, int height, List<HaarStage> stages, List<HaarTree> trees, List<HaarNode> nodes, List<float> leaves, HaarFeature[] features)
    {
        if (width < 3 || height < 3 || stages.Count == 0)
        {
            throw new InvalidDataException($"{name}: no stages or a window of {width} × {height}");
        }

        foreach (var feature in features)
        {
            foreach (var r in feature.Rects)
            {
                var inside = feature.Tilted
                    ? r.X - r.Height >= 0 && r.X + r.Width <= width && r.Y >= 0 && r.Y + r.Width + r.Height <= height
                    : r.X >= 0 && r.Y >= 0 && r.X + r.Width <= width && r.Y + r.Height <= height;
                if (!inside || feature.Rects.Length is < 1 or > 3)
                {
                    throw new InvalidDataException($"{name}: a feature lies outside the {width} × {height} window");
                }
            }
        }

        return new HaarCascade(name, width, height, [.. stages], [.. trees], [.. nodes], [.. leaves], features);
    }

    private static int CheckFeature(int index, int count, string name) =>
        index >= 0 && index < count ? index : throw new InvalidDataException($"{name}: feature {index} does not exist");

    /// <summary>The children of an OpenCV sequence node (each written as &lt;_&gt;).</summary>
    private static IEnumerable<XElement> Items(XElement? sequence) => sequence?.Elements("_") ?? [];

    private static HaarRect Rect(double[] v) => v.Length == 5
        ? new HaarRect((int)v[0], (int)v[1], (int)v[2], (int)v[3], (float)v[4])
        : throw new InvalidDataException("a feature rectangle needs x y width height weight");

    private static double[] Numbers(XElement? element) =>
        element is null
            ? []
            : [.. element.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture))];

    private static float Float(XElement parent, string child) =>
        (float)double.Parse(parent.Element(child)?.Value.Trim() ?? throw new InvalidDataException($"missing <{child}>"), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int Int(XElement parent, string child) => (int)Float(parent, child);
}
