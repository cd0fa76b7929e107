using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Fixing;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Tests.Photos.Faces;
using SocialCard.Core.Validation;
using Xunit.Abstractions;

namespace SocialCard.Core.Tests.Photos.Fixing;

/// <summary>
/// The fixer on camera-like originals made from the astronaut photograph (<see cref="CameraOriginals"/>): each result
/// must be a 358 × 441, 350 dpi JPEG in the byte range at the quality reported, passing its own inspection with the
/// eyes and the eye line inside their limits. Set SOCIALCARD_FIX_REVIEW to a directory to get each original and
/// result there as JPEG files, for a person to look at.
/// </summary>
public class PhotoFixerTests(ITestOutputHelper output)
{
    internal static readonly Lazy<PhotoFixer> SharedFixer = new(() => new PhotoFixer(TestImages.Codec, SystemCascades.Geometry));

    private static PhotoFixer Fixer => SharedFixer.Value;

    [Theory]
    [InlineData("centred-1500x2000", 1500, 2000, 2.8, 750, 800)]
    [InlineData("centred-3000x4000", 3000, 4000, 5.5, 1500, 1600)]
    [InlineData("left-and-high", 1500, 2000, 2.8, 420, 420)]
    [InlineData("right", 1500, 2000, 2.6, 1150, 900)]
    [InlineData("low", 1500, 2000, 2.8, 750, 1650)]
    [InlineData("hair-at-top", 1500, 2000, 2.8, 750, 260)]
    [InlineData("padded-top", 1500, 2000, 2.8, 750, 252)] // hair 10 px below the white top edge: white added above
    [InlineData("small-face", 1200, 1600, 1.5, 600, 700)]
    [InlineData("large-face-3000x4000", 3000, 4000, 9, 1500, 1500)]
    [InlineData("small-in-view-3000x4000", 3000, 4000, 4.6, 1300, 1900)] // face 51 px in the 1/8 view: eyes found in a 1/4 decode
    public void A_camera_original_becomes_a_compliant_photo(string name, int width, int height, double k, double eyesX, double eyesY)
    {
        var original = CameraOriginals.Jpeg(CameraOriginals.Render(width, height, k, eyesX, eyesY));
        var copy = original.ToArray();

        var result = Fixer.Fix(original);

        Review(name, original, result);
        Assert.Equal(copy, original);
        AssertCompliant(result);
        Assert.Equal(PhotoFixAction.Reframe, result.Action);
        var framing = result.Framing!;

        // The eyes and the face width the fixer found in the original, against where they were placed.
        Assert.InRange(framing.Eyes.X, eyesX - (3 * k), eyesX + (3 * k));
        Assert.InRange(framing.Eyes.Y, eyesY - (3 * k), eyesY + (3 * k));
        Assert.InRange(framing.FaceWidth, CameraOriginals.FaceWidth(k) * 0.9, CameraOriginals.FaceWidth(k) * 1.06);
        Assert.Equal(name.StartsWith("padded-top", StringComparison.Ordinal) ? ImageEdges.Top : ImageEdges.None, framing.Padded);
    }

    /// <summary>
    /// The checks every fixed photo must pass: size, density, file size, quality as reported, its own inspection,
    /// and the geometry inside the limits.
    /// </summary>
    internal static void AssertCompliant(PhotoFixResult result)
    {
        Assert.True(result.Fixed, result.Refusal);
        Assert.Null(result.Refusal);
        Assert.Equal(PhotoFixProblem.None, result.Problem);
        var bytes = result.Bytes!;
        var spec = PhotoSpec.Default;
        var header = TestImages.Codec.ReadHeader(bytes);
        Assert.Equal((358, 441), (header.Width, header.Height));
        Assert.True(header.IsTrueColor);
        Assert.True(JfifDensity.TryRead(bytes, out var density));
        Assert.Equal(new JfifDensity(JfifDensityUnit.DotsPerInch, 350, 350), density);
        Assert.InRange(bytes.Length, spec.MinBytes, spec.MaxBytes);
        if (result.Quality is { } quality)
        {
            Assert.Equal(quality, JpegQualityEstimator.Estimate(bytes));
            Assert.InRange(quality, PhotoFixer.MinQuality, PhotoFixer.MaxQuality);
        }

        var inspection = result.Inspection!;
        Assert.True(inspection.IsAcceptable, string.Join(" | ", inspection.Findings.Select(f => f.Code + " " + f.Message)));
        Assert.DoesNotContain(inspection.Findings, f => f.Severity == Severity.Error);
        var eyesX = inspection.GetMeasurement(PhotoMeasures.EyesX)!;
        var eyeLine = inspection.GetMeasurement(PhotoMeasures.EyeLine)!;
        var faceWidth = inspection.GetMeasurement(PhotoMeasures.FaceWidth)!;
        Assert.InRange(eyesX.Value, spec.MinEyesX, spec.MaxEyesX);
        Assert.True(eyeLine.Value >= spec.MinEyeLine, eyeLine.ToString());
        Assert.InRange(faceWidth.Value, spec.MinFaceWidth, spec.MaxFaceWidth);

        // The same measurements the fixer's own inspection made, on a fresh inspection of the bytes.
        var again = Fixer.Inspector.Inspect(bytes);
        Assert.Equal(inspection.Measurements, again.Measurements);
    }

    private void Review(string name, byte[] original, PhotoFixResult result)
    {
        var framing = result.Framing;
        output.WriteLine(
            $"{name}: {result.Action} {result.Problem} q={result.Quality} bytes={result.Bytes?.Length} " +
            (framing is null ? string.Empty : $"scale={framing.Scale:F3} crop={framing.Crop} padded={framing.Padded} dct=1/{framing.DecodeScale} refined={framing.Refined} eyes={framing.Eyes} face={framing.FaceWidth:F0}"));
        if (result.Inspection is { } inspection)
        {
            output.WriteLine(string.Join(", ", inspection.Measurements.Select(m => $"{m.Name}={m.Value}{(m.NearLimit ? "!" : string.Empty)}")));
            foreach (var finding in inspection.Findings)
            {
                output.WriteLine($"  {finding.Code} {finding.Severity}: {finding.Message}");
            }
        }

        output.WriteLine(result.Refusal ?? string.Empty);
        if (Environment.GetEnvironmentVariable("SOCIALCARD_FIX_REVIEW") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(Path.Combine(directory, name + "-before.jpg"), original);
            if (result.Bytes is { } bytes)
            {
                File.WriteAllBytes(Path.Combine(directory, name + "-after.jpg"), bytes);
            }
        }
    }
}
