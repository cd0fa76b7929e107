using System.Globalization;
using System.Text;
using System.Xml.Linq;
using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Faces;

namespace SocialCard.Core.Tests.Photos.Faces;

/// <summary>The cascade files, their two XML formats, the integral images and the grouping of the evaluator.</summary>
public class HaarCascadeTests
{
    [Fact]
    public void The_three_system_cascades_load()
    {
        var cascades = SystemCascades.Cascades;

        Assert.Equal((24, 24, 25, false), Describe(cascades.Face));
        Assert.Equal((20, 20, 24, false), Describe(cascades.Eye));
        Assert.Equal((20, 20, 30, true), Describe(cascades.EyeWithGlasses)); // trees of three nodes, 45° features
        Assert.Null(FaceCascades.CheckAvailable(FaceCascades.DefaultDirectory));

        static (int, int, int, bool) Describe(HaarCascade c) => (c.WindowWidth, c.WindowHeight, c.StageCount, c.HasTiltedFeatures);
    }

    [Fact]
    public void Missing_cascades_name_the_package_to_install()
    {
        var empty = Directory.CreateTempSubdirectory("socialcard-no-cascades-");
        try
        {
            var e = Assert.Throws<FaceCascadesMissingException>(() => FaceCascades.Load(empty.FullName));

            Assert.Contains("apt-get install opencv-data", e.Message);
            Assert.Contains(FaceCascades.FaceFile, e.Message);
            Assert.Contains("apt-get install opencv-data", FaceCascades.CheckAvailable(empty.FullName));
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void Files_that_are_not_haar_cascades_are_refused()
    {
        var lbp = Assert.Throws<InvalidDataException>(() => HaarCascade.Load("/usr/share/opencv4/lbpcascades/lbpcascade_frontalface.xml"));
        Assert.Contains("LBP", lbp.Message);

        var other = Assert.Throws<InvalidDataException>(() => Load("<opencv_storage><x type_id=\"opencv-matrix\"/></opencv_storage>"));
        Assert.Contains("not an OpenCV cascade", other.Message);
    }

    [Fact]
    public void The_old_format_reads_into_the_same_detector()
    {
        // Debian ships only the current format; write the glasses cascade (trees, 45° features) in the old one.
        var current = SystemCascades.Cascades.EyeWithGlasses;
        var old = Load(ToOldFormat(XDocument.Load(Path.Combine(FaceCascades.DefaultDirectory, FaceCascades.EyeWithGlassesFile))));

        Assert.Equal((current.WindowWidth, current.WindowHeight, current.StageCount), (old.WindowWidth, old.WindowHeight, old.StageCount));
        Assert.Equal(current.Nodes.Length, old.Nodes.Length);
        Assert.True(old.HasTiltedFeatures);

        using var luma = LumaImage.From(Astronaut.Image.View);
        var region = new PixelRect(180, 75, 90, 50);
        var expected = HaarDetector.Detect(current, luma, region, 16, 40, minNeighbors: 2);
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, HaarDetector.Detect(old, luma, region, 16, 40, minNeighbors: 2));
    }

    [Fact]
    public void The_tilted_integral_matches_its_definition()
    {
        // tilted(X, Y) = sum of image(x, y) over y < Y and |x − X + 1| ≤ Y − y − 1 (OpenCV's documentation).
        const int w = 9, h = 6;
        var random = new Random(7);
        var pixels = Enumerable.Range(0, w * h).Select(_ => random.Next(256)).ToArray();
        var pad = h + 1;
        var stride = w + (2 * pad);
        var tilted = new int[stride * (h + 1)];

        HaarDetector.FillTilted(pixels, w, h, pad, tilted);

        for (var bigY = 0; bigY <= h; bigY++)
        {
            for (var bigX = 0; bigX <= w; bigX++)
            {
                var expected = 0;
                for (var y = 0; y < bigY; y++)
                {
                    for (var x = 0; x < w; x++)
                    {
                        expected += Math.Abs(x - bigX + 1) <= bigY - y - 1 ? pixels[(y * w) + x] : 0;
                    }
                }

                Assert.Equal(expected, tilted[(bigY * stride) + bigX - 1 + pad]);
            }
        }
    }

    [Fact]
    public void A_tilted_rectangle_covers_two_pixels_per_unit_of_area()
    {
        const int w = 12, h = 12;
        var pad = h + 1;
        var stride = w + (2 * pad);
        var tilted = new int[stride * (h + 1)];
        HaarDetector.FillTilted(Enumerable.Repeat(1, w * h).ToArray(), w, h, pad, tilted);
        int T(int x, int y) => tilted[(y * stride) + x - 1 + pad];

        // Top corner (5, 1), 3 down-right and 2 down-left: corners (5,1), (8,4), (3,3), (6,6).
        Assert.Equal(2 * 3 * 2, T(5, 1) - T(8, 4) - T(3, 3) + T(6, 6));
    }

    [Fact]
    public void Overlapping_hits_are_grouped_and_lone_ones_dropped()
    {
        PixelRect[] raw =
        [
            new(100, 100, 50, 50), new(102, 99, 52, 52), new(98, 101, 49, 49), new(101, 103, 50, 50), new(100, 100, 51, 51),
            new(300, 20, 40, 40), // alone: noise
            new(110, 110, 20, 20), new(111, 110, 20, 20), new(110, 111, 20, 20), new(112, 112, 20, 20), // inside, weaker
        ];

        var groups = HaarDetector.Group(raw, minNeighbors: 3);

        var only = Assert.Single(groups);
        Assert.Equal(5, only.Neighbors);
        Assert.Equal(new PixelRect(100, 101, 50, 50), only.Box);
    }

    [Fact]
    public void The_face_and_both_eyes_are_found_on_the_photograph()
    {
        var cascades = SystemCascades.Cascades;
        using var luma = LumaImage.From(Astronaut.Image.View);

        var face = Assert.Single(HaarDetector.Detect(cascades.Face, luma, new PixelRect(0, 0, 512, 512), 60, 400, minNeighbors: 3)).Box;

        // The face box spans cheek to cheek (hand: 181–270) and brows to chin.
        Assert.InRange(face.X, 170, 185);
        Assert.InRange(face.Right, 265, 285);
        foreach (var cascade in new[] { cascades.Eye, cascades.EyeWithGlasses })
        {
            var eyes = HaarDetector.Detect(cascade, luma, face with { Height = face.Height / 2 }, 16, 40, minNeighbors: 2)
                .Select(e => new PixelPoint(e.Box.X + (e.Box.Width / 2.0), e.Box.Y + (e.Box.Height / 2.0))).OrderBy(p => p.X).ToList();
            Assert.Equal(2, eyes.Count);
            AssertNear(Astronaut.LeftEye, eyes[0], 6);
            AssertNear(Astronaut.RightEye, eyes[1], 6);
        }
    }

    internal static void AssertNear(PixelPoint expected, PixelPoint actual, double tolerance)
    {
        Assert.True(
            Math.Abs(expected.X - actual.X) <= tolerance && Math.Abs(expected.Y - actual.Y) <= tolerance,
            $"expected ({expected.X:F1}, {expected.Y:F1}) ± {tolerance}, found ({actual.X:F1}, {actual.Y:F1})");
    }

    private static HaarCascade Load(string xml) => HaarCascade.Load(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "test.xml");

    private static HaarCascade Load(XDocument document)
    {
        var stream = new MemoryStream();
        document.Save(stream);
        stream.Position = 0;
        return HaarCascade.Load(stream, "old.xml");
    }

    /// <summary>The old opencv-haar-classifier layout: each tree node carries its feature and its children.</summary>
    private static XDocument ToOldFormat(XDocument current)
    {
        var cascade = current.Root!.Element("cascade")!;
        var features = cascade.Element("features")!.Elements("_").ToList();
        var stages = new XElement("stages");
        foreach (var stage in cascade.Element("stages")!.Elements("_"))
        {
            var trees = new XElement("trees");
            foreach (var weak in stage.Element("weakClassifiers")!.Elements("_"))
            {
                var n = Numbers(weak.Element("internalNodes")!.Value);
                var leaves = Numbers(weak.Element("leafValues")!.Value);
                var tree = new XElement("_");
                for (var i = 0; i < n.Length; i += 4)
                {
                    var feature = features[(int)n[i + 2]];
                    tree.Add(new XElement(
                        "_",
                        new XElement("feature", new XElement(feature.Element("rects")!), new XElement("tilted", (string?)feature.Element("tilted") ?? "0")),
                        new XElement("threshold", n[i + 3].ToString("R", CultureInfo.InvariantCulture)),
                        Child("left", (int)n[i]),
                        Child("right", (int)n[i + 1])));
                }

                trees.Add(tree);

                XElement Child(string side, int child) => child > 0
                    ? new XElement(side + "_node", child)
                    : new XElement(side + "_val", leaves[-child].ToString("R", CultureInfo.InvariantCulture));
            }

            stages.Add(new XElement("_", trees, new XElement("stage_threshold", stage.Element("stageThreshold")!.Value.Trim()), new XElement("parent", -1), new XElement("next", -1)));
        }

        var size = $"{cascade.Element("width")!.Value.Trim()} {cascade.Element("height")!.Value.Trim()}";
        return new XDocument(new XElement(
            "opencv_storage",
            new XElement("haarcascade_eye_tree_eyeglasses", new XAttribute("type_id", "opencv-haar-classifier"), new XElement("size", size), stages)));

        static double[] Numbers(string text) =>
            [.. text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture))];
    }
}
