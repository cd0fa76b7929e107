using System.Buffers;
using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Fixing;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Tests.Photos.Faces;
using SocialCard.Core.Tests.Photos.Fixing;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Tests.Photos;

/// <summary>
/// The Exif Orientation tag is honoured: phones store a portrait as turned pixels (orientation 6, also 3 and 8, and
/// mirrored 2, 4, 5, 7); the inspector and the fixer measure it as it is shown.
/// </summary>
public class ExifOrientationTests
{
    /// <summary>A card photo that passes every check: the astronaut camera original framed by the fixer, decoded.</summary>
    private static readonly Lazy<RgbImage> Compliant = new(() =>
    {
        var result = PhotoFixerTests.SharedFixer.Value.Fix(CameraOriginals.Jpeg(CameraOriginals.Render(1500, 2000, 2.8, 750, 800)));
        Assert.True(result.Fixed, result.Refusal);
        using var image = TestImages.Codec.Decode(result.Bytes);
        return new RgbImage(image.Pixels.ToArray(), image.Width, image.Height);
    });

    // Stored 3 × 2: a b c / d e f. What a viewer shows for each orientation, worked out by hand from Exif 2.3's
    // pictures of the tag (row 0 is the visual top: 6 = the stored left column becomes the top row, read bottom-up).
    [Theory]
    [InlineData(1, 3, "abc" + "def")]
    [InlineData(2, 3, "cba" + "fed")]
    [InlineData(3, 3, "fed" + "cba")]
    [InlineData(4, 3, "def" + "abc")]
    [InlineData(5, 2, "ad" + "be" + "cf")]
    [InlineData(6, 2, "da" + "eb" + "fc")]
    [InlineData(7, 2, "fc" + "eb" + "da")]
    [InlineData(8, 2, "cf" + "be" + "ad")]
    public void Each_orientation_turns_the_pixels_as_a_viewer_shows_them(int orientation, int width, string expected)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(6);
        "abcdef"u8.CopyTo(buffer);
        var header = new JpegHeader(3, 2, JpegSubsampling.Gray, JpegColorspace.Gray);
        using var upright = ExifOrientation.Apply(new DecodedImage(buffer, 3, 2, JpegPixelFormat.Gray, header, JpegScale.Full), orientation);

        Assert.Equal((width, 6 / width), (upright.Width, upright.Height));
        Assert.Equal((width, 6 / width), (upright.Source.Width, upright.Source.Height));
        Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(upright.Pixels));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(6, false)]
    [InlineData(6, true)]
    [InlineData(8, true)]
    [InlineData(3, false)]
    public void The_tag_is_read_in_either_byte_order(int orientation, bool bigEndian)
    {
        var jpeg = ExifJpegs.WithOrientation(DrawnFigures.Jpeg(new DrawnFigureOptions { Width = 32, Height = 24 }), orientation, bigEndian);

        Assert.Equal(orientation, ExifOrientation.Read(jpeg));
        Assert.Equal(ExifOrientation.SwapsAxes(orientation) ? (24, 32) : (32, 24), (TestImages.Codec.ReadUprightHeader(jpeg).Width, TestImages.Codec.ReadUprightHeader(jpeg).Height));
    }

    [Fact]
    public void No_tag_a_bad_value_or_a_truncated_segment_mean_upright()
    {
        var plain = DrawnFigures.Jpeg(new DrawnFigureOptions { Width = 32, Height = 24 });
        Assert.Equal(1, ExifOrientation.Read(plain));
        Assert.Equal(1, ExifOrientation.Read(ExifJpegs.WithOrientation(plain, 9)));
        Assert.Equal(1, ExifOrientation.Read(ExifJpegs.WithOrientation(plain, 0)));
        Assert.Equal(1, ExifOrientation.Read([]));

        // The segment claims more bytes than the file has: the walk stops, nothing is read past the end.
        var tagged = ExifJpegs.WithOrientation(plain, 6);
        Assert.Equal(1, ExifOrientation.Read(tagged.AsSpan(0, 30)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void A_turned_card_photo_is_inspected_as_the_upright_one_and_told_to_be_turned(int orientation)
    {
        var inspector = PhotoFixerTests.SharedFixer.Value.Inspector;
        var image = Compliant.Value;
        var upright = inspector.Inspect(ExifJpegs.Jpeg(image, 1, quality: 70, dpi: 350));
        var turned = inspector.Inspect(ExifJpegs.Jpeg(image, orientation, quality: 70, dpi: 350));

        Assert.True(upright.IsAcceptable, string.Join(" | ", upright.Findings.Select(f => f.Message)));
        Assert.Equal((358, 441), (turned.Header!.Value.Width, turned.Header.Value.Height));
        foreach (var name in new[] { PhotoMeasures.EyesX, PhotoMeasures.EyeLine, PhotoMeasures.FaceWidth, PhotoMeasures.HeadTop })
        {
            var expected = upright.GetMeasurement(name)!.Value;
            Assert.InRange(turned.GetMeasurement(name)!.Value, expected - 1.5, expected + 1.5);
        }

        // The same findings, and the one that says the card maker would get turned pixels.
        var dimensions = Assert.Single(turned.Findings, f => f.Code == RuleCodes.PhotoDimensions);
        Assert.Equal(Severity.Error, dimensions.Severity);
        Assert.Contains("EXIF方向标记", dimensions.Message);
        Assert.Equal(upright.Findings.Select(f => f.Code), turned.Findings.Where(f => f != dimensions).Select(f => f.Code));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(5)]
    public void A_turned_card_photo_is_fixed_by_storing_it_upright(int orientation)
    {
        var fixer = PhotoFixerTests.SharedFixer.Value;
        var image = Compliant.Value;
        var uprightFix = fixer.Fix(ExifJpegs.Jpeg(image, 1, quality: 70, dpi: 350));

        var result = fixer.Fix(ExifJpegs.Jpeg(image, orientation, quality: 70, dpi: 350));

        PhotoFixerTests.AssertCompliant(result);
        Assert.Equal(PhotoFixAction.None, uprightFix.Action);
        Assert.Equal(PhotoFixAction.Reencode, result.Action);
        Assert.Equal(ExifOrientation.Upright, ExifOrientation.Read(result.Bytes));
        var expected = uprightFix.Inspection!.GetMeasurement(PhotoMeasures.EyesX)!.Value;
        Assert.InRange(result.Inspection!.GetMeasurement(PhotoMeasures.EyesX)!.Value, expected - 1.5, expected + 1.5);
    }

    [Theory]
    [InlineData("centred", 750, 800, 6)]
    [InlineData("left-and-high", 420, 420, 6)]
    [InlineData("right", 1150, 900, 6)]
    [InlineData("centred", 750, 800, 3)]
    [InlineData("centred", 750, 800, 8)]
    [InlineData("centred", 750, 800, 7)]
    public void A_camera_portrait_stored_turned_is_fixed_like_the_upright_one(string name, double eyesX, double eyesY, int orientation)
    {
        var fixer = PhotoFixerTests.SharedFixer.Value;
        const double k = 2.8;
        var picture = CameraOriginals.Render(1500, 2000, k, eyesX, eyesY);
        var upright = fixer.Fix(CameraOriginals.Jpeg(picture));
        var turned = fixer.Fix(ExifJpegs.Jpeg(picture, orientation));

        PhotoFixerTests.AssertCompliant(upright);
        PhotoFixerTests.AssertCompliant(turned);
        Assert.Equal(PhotoFixAction.Reframe, turned.Action);
        Assert.InRange(turned.Framing!.Eyes.X, upright.Framing!.Eyes.X - (1.5 * k), upright.Framing.Eyes.X + (1.5 * k));
        Assert.InRange(turned.Framing.Eyes.Y, upright.Framing.Eyes.Y - (1.5 * k), upright.Framing.Eyes.Y + (1.5 * k));
        Assert.InRange(turned.Framing.FaceWidth, upright.Framing.FaceWidth * 0.95, upright.Framing.FaceWidth * 1.05);

        // The same outcome: how it was fixed, and a result that the inspector sees as it sees the upright one's.
        Assert.Equal((upright.Fixed, upright.Action, upright.Problem, upright.Framing.Padded), (turned.Fixed, turned.Action, turned.Problem, turned.Framing.Padded));
        Assert.Equal(upright.Inspection!.Findings.Select(f => f.Code), turned.Inspection!.Findings.Select(f => f.Code));
        foreach (var (measure, tolerance) in new[] { (PhotoMeasures.EyesX, 1.5), (PhotoMeasures.EyeLine, 1.5), (PhotoMeasures.FaceWidth, 3.0), (PhotoMeasures.HeadTop, 1.5) })
        {
            var expected = upright.Inspection.GetMeasurement(measure)!.Value;
            Assert.InRange(turned.Inspection.GetMeasurement(measure)!.Value, expected - tolerance, expected + tolerance);
        }

        Assert.True(name.Length > 0);
    }
}
