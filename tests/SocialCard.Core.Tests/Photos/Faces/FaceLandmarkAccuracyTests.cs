using System.Globalization;
using System.Text;
using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Tests.Photos.Fixing;
using Xunit.Abstractions;

namespace SocialCard.Core.Tests.Photos.Faces;

/// <summary>
/// Eyes and face width by each method — the Haar cascades with the iris refinement and the skin extent, and
/// MediaPipe BlazeFace's eye and ear tragion points — against the hand marks of the astronaut photograph
/// (<see cref="Astronaut"/>, mapped through each test portrait's own transform), upright and stored turned with an
/// Exif orientation. The table of docs/PHOTOS.md is this test's output (written to SOCIALCARD_TEST_ARTIFACTS).
/// </summary>
public class FaceLandmarkAccuracyTests(ITestOutputHelper output)
{
    /// <summary>In pixels of the astronaut photograph the marks were made on: a view enlarging it gets as many more.</summary>
    private const double Tolerance = 3;

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var portrait in new[] { "astronaut", "id-framing", "camera-original" })
        {
            foreach (var orientation in new[] { 1, 6, 3, 8 })
            {
                data.Add(portrait, orientation);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Eyes_and_face_width_are_within_3_px_of_the_hand_marks(string portrait, int orientation)
    {
        var (picture, marks, scale, enlargement) = Portrait(portrait);
        var jpeg = ExifJpegs.Jpeg(picture, orientation, quality: 95, dpi: 350);
        using var decoded = TestImages.Codec.DecodeUpright(jpeg, JpegPixelFormat.Rgb, scale);
        var view = new RgbImageView(decoded.Pixels, decoded.Width, decoded.Height);
        var d = (double)(int)scale;
        var left = new PixelPoint(marks.LeftEye.X / d, marks.LeftEye.Y / d);
        var right = new PixelPoint(marks.RightEye.X / d, marks.RightEye.Y / d);
        var width = marks.FaceWidth / d;
        var tolerance = Tolerance * Math.Max(1, enlargement / d);

        var haar = SystemCascades.Geometry.Analyze(view, 0.15).Landmarks;
        var blaze = BlazeFaceModel.Landmarker.Detect(view).FirstOrDefault();
        var portal = BlazeFaceModel.Geometry.Analyze(view, 0.15).Landmarks;

        var row = new StringBuilder();
        row.Append(Invariant($"| {portrait} | {orientation} | {view.Width}×{view.Height} | {P(left)} {P(right)} | {width:F1} |"));
        row.Append(haar is null ? " – | – |" : Invariant($" {P(haar.LeftEye)} {P(haar.RightEye)} ({Off(haar.LeftEye, left, haar.RightEye, right):F1}) | {haar.FaceWidth:F1} ({haar.FaceWidth - width:+0.0;-0.0}) |"));
        row.Append(blaze is null ? " – | – |" : Invariant($" {P(blaze.LeftEye)} {P(blaze.RightEye)} ({Off(blaze.LeftEye, left, blaze.RightEye, right):F1}) | {blaze.TragionWidth:F1} ({blaze.TragionWidth - width:+0.0;-0.0}) |"));
        output.WriteLine(row.ToString());
        if (Environment.GetEnvironmentVariable("SOCIALCARD_TEST_ARTIFACTS") is { Length: > 0 } artifacts)
        {
            Directory.CreateDirectory(artifacts);
            File.WriteAllText(Path.Combine(artifacts, $"face-landmarks-{portrait}-{orientation}.md"), row + "\n");
        }

        Assert.NotNull(haar);
        Assert.NotNull(blaze);
        Assert.NotNull(portal);
        Assert.True(haar.EyesFound);
        AssertNear(haar.LeftEye, left, tolerance);
        AssertNear(haar.RightEye, right, tolerance);
        AssertNear(blaze.LeftEye, left, tolerance);
        AssertNear(blaze.RightEye, right, tolerance);
        AssertNear(portal.LeftEye, left, tolerance);
        AssertNear(portal.RightEye, right, tolerance);

        // The face width the portal reports is the skin extent: BlazeFace's tragion distance misses the hand marks by
        // 5–7 px on the photograph (docs/PHOTOS.md), so it is in the table but not used.
        Assert.InRange(portal.FaceWidth, width - tolerance, width + tolerance);
    }

    private static void AssertNear(PixelPoint found, PixelPoint mark, double tolerance)
    {
        Assert.InRange(found.X, mark.X - tolerance, mark.X + tolerance);
        Assert.InRange(found.Y, mark.Y - tolerance, mark.Y + tolerance);
    }

    private static double Off(PixelPoint a, PixelPoint markA, PixelPoint b, PixelPoint markB) =>
        Math.Max(Distance(a, markA), Distance(b, markB));

    private static double Distance(PixelPoint a, PixelPoint b) => Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2));

    private static string P(PixelPoint p) => Invariant($"({p.X:F1}, {p.Y:F1})");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The picture, its hand marks in the picture's pixels, the DCT scale it is analysed at, and how much it enlarges
    /// the astronaut photograph.
    /// </summary>
    private static (RgbImage Picture, (PixelPoint LeftEye, PixelPoint RightEye, double FaceWidth) Marks, JpegScale Scale, double Enlargement) Portrait(string name)
    {
        switch (name)
        {
            case "astronaut":
                return (Astronaut.Image, (Astronaut.LeftEye, Astronaut.RightEye, Astronaut.FaceWidth), JpegScale.Full, 1);
            case "id-framing":
                var framing = Framing.Conforming;
                return (framing.Render(), (framing.LeftEye, framing.RightEye, framing.FaceWidth), JpegScale.Full, framing.Scale);
            default:
                // 1500 × 2000, the astronaut enlarged 2.8 times with her eye midpoint at (750, 800); analysed as the
                // fixer analyses such a file (DCT scaling to 1/4).
                const double k = 2.8;
                var mid = Astronaut.EyeMidpoint;
                PixelPoint Map(PixelPoint p) => new(750 + ((p.X - mid.X) * k), 800 + ((p.Y - mid.Y) * k));
                return (CameraOriginals.Render(1500, 2000, k, 750, 800), (Map(Astronaut.LeftEye), Map(Astronaut.RightEye), CameraOriginals.FaceWidth(k)), JpegScale.Quarter, k);
        }
    }
}
