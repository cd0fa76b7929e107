using SocialCard.Core.Photos.Jpeg;

namespace SocialCard.Core.Tests.Photos;

public class JfifDensityTests
{
    [Fact]
    public void Dots_per_centimetre_convert_to_dpi()
    {
        var jpeg = JfifDensity.Set(DrawnFigures.Jpeg(), new JfifDensity(JfifDensityUnit.DotsPerCentimetre, 138, 28));

        Assert.True(JfifDensity.TryRead(jpeg, out var density));
        Assert.Equal(350.52, density.DpiX!.Value, precision: 2);
        Assert.Equal(71.12, density.DpiY!.Value, precision: 2);
    }

    [Fact]
    public void No_unit_means_no_dpi()
    {
        Assert.True(JfifDensity.TryRead(DrawnFigures.Jpeg(dpi: null), out var density));

        Assert.Equal(JfifDensityUnit.None, density.Unit);
        Assert.Null(density.DpiX);
    }

    [Fact]
    public void Setting_patches_the_existing_segment_in_place()
    {
        var jpeg = DrawnFigures.Jpeg(dpi: null);
        var length = jpeg.Length;

        var result = JfifDensity.SetDpi(jpeg, 350);

        Assert.Same(jpeg, result);
        Assert.Equal(length, result.Length);
        Assert.Equal(358, TestImages.Codec.ReadHeader(result).Width);
    }

    [Fact]
    public void Setting_inserts_a_jfif_segment_when_there_is_none()
    {
        var withJfif = DrawnFigures.Jpeg(dpi: null);
        // Drop the 18-byte APP0 segment that follows SOI.
        byte[] withoutJfif = [.. withJfif.AsSpan(0, 2), .. withJfif.AsSpan(2 + 18)];
        Assert.False(JfifDensity.TryRead(withoutJfif, out _));

        var result = JfifDensity.SetDpi(withoutJfif, 350);

        Assert.True(JfifDensity.TryRead(result, out var density));
        Assert.Equal(350, density.DpiX);
        using var image = TestImages.Codec.Decode(result);
        Assert.Equal(441, image.Height);
    }

    [Fact]
    public void Non_jpeg_data_has_no_density()
    {
        Assert.False(JfifDensity.TryRead(TestImages.Png(), out _));
        Assert.False(JfifDensity.TryRead([], out _));
        Assert.Throws<ArgumentException>(() => JfifDensity.SetDpi(TestImages.Png(), 350));
    }

    [Fact]
    public void Densities_outside_the_field_are_refused()
    {
        var jpeg = DrawnFigures.Jpeg();

        Assert.Throws<ArgumentOutOfRangeException>(() => JfifDensity.SetDpi(jpeg, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => JfifDensity.SetDpi(jpeg, 70000));
    }
}
