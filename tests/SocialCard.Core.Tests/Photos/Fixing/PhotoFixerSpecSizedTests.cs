using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Fixing;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Tests.Photos.Faces;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Tests.Photos.Fixing;

/// <summary>Photos that already are 358 × 441: left alone, density patched, re-encoded or reframed as their problems need.</summary>
public class PhotoFixerSpecSizedTests
{
    private static readonly Lazy<byte[]> Compliant = new(() =>
    {
        var result = Fixer.Fix(CameraOriginals.Jpeg(CameraOriginals.Render(1500, 2000, 2.8, 750, 800)));
        Assert.True(result.Fixed, result.Refusal);
        return result.Bytes!;
    });

    private static PhotoFixer Fixer => PhotoFixerTests.SharedFixer.Value;

    [Fact]
    public void A_compliant_photo_is_left_as_it_is()
    {
        var result = Fixer.Fix(Compliant.Value);

        PhotoFixerTests.AssertCompliant(result);
        Assert.Equal(PhotoFixAction.None, result.Action);
        Assert.Equal(Compliant.Value, result.Bytes);
        Assert.Null(result.Quality);
    }

    [Theory]
    [InlineData(JfifDensityUnit.DotsPerInch, 72)]
    [InlineData(JfifDensityUnit.DotsPerInch, 300)]
    [InlineData(JfifDensityUnit.DotsPerCentimetre, 118)]
    [InlineData(JfifDensityUnit.None, 1)]
    public void A_wrong_dpi_alone_is_patched_without_re_encoding(JfifDensityUnit unit, int density)
    {
        var original = JfifDensity.Set(Compliant.Value.ToArray(), new JfifDensity(unit, density, density));
        var copy = original.ToArray();
        Assert.True(Fixer.Inspector.Inspect(original).Has(RuleCodes.PhotoDpi));

        var result = Fixer.Fix(original);

        Assert.Equal(copy, original);
        PhotoFixerTests.AssertCompliant(result);
        Assert.Equal(PhotoFixAction.Density, result.Action);
        Assert.Null(result.Quality);

        // Byte for byte the compliant file: only the density in APP0 differs from the original.
        Assert.Equal(Compliant.Value, result.Bytes);
        Assert.Equal(original.Length, result.Bytes!.Length);
        var differing = Enumerable.Range(0, original.Length).Where(i => original[i] != result.Bytes[i]).ToList();
        Assert.NotEmpty(differing);
        Assert.All(differing, i => Assert.InRange(i, 13, 17)); // unit byte and the two densities of the JFIF APP0
    }

    [Fact]
    public void A_file_too_large_at_a_high_quality_is_re_encoded_at_quality_70()
    {
        using var image = TestImages.Codec.Decode(Compliant.Value);
        var original = TestImages.Codec.Encode(image.Pixels, 358, 441, JpegPixelFormat.Rgb, 98, JpegSubsampling.Chroma444, dpi: 96);
        var before = Fixer.Inspector.Inspect(original);
        Assert.True(before.Has(RuleCodes.PhotoFileSize) && before.Has(RuleCodes.PhotoQuality) && before.Has(RuleCodes.PhotoDpi));

        var result = Fixer.Fix(original);

        PhotoFixerTests.AssertCompliant(result);
        Assert.Equal(PhotoFixAction.Reencode, result.Action);
        Assert.Null(result.Framing);
        Assert.InRange(result.Quality!.Value, 62, 78);
    }

    [Fact]
    public void A_file_too_small_for_the_range_gets_a_higher_quality()
    {
        // A deployment whose range starts above what quality 70 gives: the quality is searched upwards.
        var size70 = Compliant.Value.Length;
        var spec = PhotoSpec.Default with { MinBytes = size70 + 6000, MaxBytes = size70 + 20000 };
        var fixer = new PhotoFixer(TestImages.Codec, SystemCascades.Geometry, spec);
        var original = JfifDensity.SetDpi(Compliant.Value.ToArray(), 300);

        var result = fixer.Fix(original);

        Assert.True(result.Fixed, result.Refusal);
        Assert.Equal(PhotoFixAction.Reencode, result.Action);
        Assert.True(result.Quality > 70, result.Quality.ToString());
        Assert.InRange(result.Bytes!.Length, spec.MinBytes, spec.MaxBytes);
        Assert.Equal(result.Quality, JpegQualityEstimator.Estimate(result.Bytes));
    }

    [Fact]
    public void An_impossible_file_size_range_is_reported()
    {
        var spec = PhotoSpec.Default with { MinBytes = 200 * 1024, MaxBytes = 300 * 1024 };
        var fixer = new PhotoFixer(TestImages.Codec, SystemCascades.Geometry, spec);

        var result = fixer.Fix(Compliant.Value);

        Assert.False(result.Fixed);
        Assert.Equal(PhotoFixProblem.FileSize, result.Problem);
        Assert.Contains("按最高质量95压缩后照片也只有", result.Refusal);
        Assert.Contains("低于下限200KB", result.Refusal);
    }

    [Fact]
    public void A_misframed_photo_of_the_right_size_is_reframed()
    {
        // Face ≈ 160 px (too small), eyes at x 200 (too far right): PHOTO_FACE_WIDTH and PHOTO_EYES_X.
        var original = CameraOriginals.Jpeg(CameraOriginals.Render(358, 441, 1.85, 200, 215), quality: 80, dpi: 350);
        var before = Fixer.Inspector.Inspect(original);
        Assert.True(before.Has(RuleCodes.PhotoFaceWidth), string.Join(", ", before.Findings.Select(f => f.Code)));
        Assert.True(before.Has(RuleCodes.PhotoEyesX), string.Join(", ", before.Findings.Select(f => f.Code)));

        var result = Fixer.Fix(original);

        PhotoFixerTests.AssertCompliant(result);
        Assert.Equal(PhotoFixAction.Reframe, result.Action);
        Assert.Equal(1, result.Framing!.DecodeScale);
        Assert.True(result.Framing.Scale > 1);
    }

    [Fact]
    public void A_photo_of_the_right_size_with_a_grey_background_is_refused_with_the_inspectors_findings()
    {
        var original = Framing.Conforming.Jpeg(quality: 70);

        var result = Fixer.Fix(original);

        Assert.False(result.Fixed);
        Assert.Equal(PhotoFixProblem.Background, result.Problem);
        Assert.Contains("背景不够白", result.Refusal);
        Assert.EndsWith("请在纯白色背景前重新拍摄，照片不要加边框", result.Refusal);
        Assert.Null(result.Bytes);
        Assert.True(result.Inspection!.Has(RuleCodes.PhotoBackground));
    }
}
