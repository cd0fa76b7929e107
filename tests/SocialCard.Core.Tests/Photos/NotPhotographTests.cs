using SocialCard.Core.Photos;
using SocialCard.Core.Tests.Photos.Faces;
using SocialCard.Core.Tests.Photos.Fixing;
using SocialCard.Core.Validation;
using Xunit.Abstractions;

namespace SocialCard.Core.Tests.Photos;

/// <summary>
/// PHOTO_NOT_PHOTOGRAPH (tone richness, <see cref="PhotoMeasures.ToneRichness"/>): a face drawn with PIL-style
/// filled ellipses is flagged, by the production inspector (cascades with BlazeFace) and by one without face geometry,
/// while every real test portrait — the astronaut photograph, its ID framings and the camera original made from it,
/// upright and stored turned with an Exif orientation — is not.
/// </summary>
public class NotPhotographTests(ITestOutputHelper output)
{
    private static readonly PhotoInspector Production = new(TestImages.Codec, geometry: BlazeFaceModel.Geometry);
    private static readonly PhotoInspector WithoutGeometry = new(TestImages.Codec);

    public static TheoryData<string> Drawings() => ["white", "grey", "blue", "pink"];

    public static TheoryData<string, int> RealPortraits()
    {
        var data = new TheoryData<string, int>();
        foreach (var portrait in new[] { "astronaut", "id-framing", "id-framing-small", "id-framing-large", "camera-original" })
        {
            foreach (var orientation in new[] { 1, 6, 3, 8 })
            {
                data.Add(portrait, orientation);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Drawings))]
    public void A_face_drawn_with_filled_ellipses_is_flagged_as_not_a_photograph(string variant)
    {
        var jpeg = variant switch
        {
            "white" => DrawnFigures.EllipseFaceJpeg(new Rgb(255, 255, 255), new Rgb(255, 220, 185), new Rgb(0, 0, 0)),
            "grey" => DrawnFigures.EllipseFaceJpeg(new Rgb(235, 235, 235), new Rgb(230, 190, 160), new Rgb(60, 40, 30)),
            "blue" => DrawnFigures.EllipseFaceJpeg(new Rgb(200, 220, 255), new Rgb(240, 200, 170), new Rgb(30, 30, 90)),
            _ => DrawnFigures.EllipseFaceJpeg(new Rgb(250, 250, 250), new Rgb(255, 192, 203), new Rgb(90, 60, 40)),
        };

        foreach (var (name, inspector) in new[] { ("production", Production), ("no geometry", WithoutGeometry) })
        {
            var result = inspector.Inspect(jpeg);
            output.WriteLine($"{variant}, {name}: ToneRichness {result.GetMeasurement(PhotoMeasures.ToneRichness)}; {string.Join(", ", result.Findings.Select(f => f.Code))}");
            var flag = Assert.Single(result.Findings, f => f.Code == RuleCodes.PhotoNotPhotograph);
            Assert.Equal(Severity.Warning, flag.Severity);
            Assert.True(result.GetMeasurement(PhotoMeasures.ToneRichness)!.Value < inspector.Spec.MinToneRichness);
        }
    }

    [Theory]
    [MemberData(nameof(RealPortraits))]
    public void A_real_portrait_is_not_flagged(string portrait, int orientation)
    {
        var (picture, quality, dpi) = portrait switch
        {
            "astronaut" => (Astronaut.Image, 90, 350),
            "id-framing" => (Framing.Conforming.Render(), 70, 350),
            "id-framing-small" => (new Framing(1.9, 179, 180).Render(), 70, 350),
            "id-framing-large" => (new Framing(3.1, 179, 225).Render(), 70, 350),
            _ => (CameraOriginals.Render(1500, 2000, 2.8, 750, 800), 92, 72),
        };
        var jpeg = ExifJpegs.Jpeg(picture, orientation, quality, dpi);

        foreach (var (name, inspector) in new[] { ("production", Production), ("no geometry", WithoutGeometry) })
        {
            var result = inspector.Inspect(jpeg);
            var richness = result.GetMeasurement(PhotoMeasures.ToneRichness);
            output.WriteLine($"{portrait} {orientation}, {name}: ToneRichness {richness}; {string.Join(", ", result.Findings.Select(f => f.Code))}");
            Assert.NotNull(richness);
            Assert.True(richness.Value >= inspector.Spec.MinToneRichness, richness.ToString());
            Assert.DoesNotContain(result.Findings, f => f.Code == RuleCodes.PhotoNotPhotograph);
        }
    }
}
