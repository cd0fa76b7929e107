using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Fixing;
using SocialCard.Core.Tests.Photos.Faces;

namespace SocialCard.Core.Tests.Photos.Fixing;

public class ResamplerTests
{
    private static readonly (byte, byte, byte) White = (255, 255, 255);

    [Theory]
    [InlineData(100, 80, 358, 441, ResamplingFilter.Lanczos3)] // enlarging
    [InlineData(1000, 1300, 358, 441, ResamplingFilter.Lanczos3)] // shrinking
    [InlineData(358, 441, 358, 441, ResamplingFilter.Lanczos3)] // same size
    [InlineData(500, 500, 358, 441, ResamplingFilter.Lanczos3)] // both at once, different per axis
    [InlineData(100, 80, 358, 441, ResamplingFilter.Box)]
    [InlineData(1000, 1300, 358, 441, ResamplingFilter.Box)]
    [InlineData(500, 500, 358, 441, ResamplingFilter.Box)]
    public void A_constant_image_stays_exactly_constant(int sourceWidth, int sourceHeight, int width, int height, ResamplingFilter filter)
    {
        var source = Filled(sourceWidth, sourceHeight, (93, 140, 201));
        var target = new byte[width * height * 3];

        Resampler.Resample(source, sourceWidth, sourceHeight, new CropRect(0.3, 0.7, sourceWidth - 1.1, sourceHeight - 0.9), target, width, height, White, filter);

        for (var i = 0; i < target.Length; i += 3)
        {
            Assert.Equal((93, 140, 201), (target[i], target[i + 1], target[i + 2]));
        }
    }

    [Fact]
    public void The_box_filter_s_exact_2x_reduction_averages_each_2x2_block()
    {
        const int w = 64, h = 48;
        var source = new byte[w * h * 3];
        new Random(11).NextBytes(source);
        var target = new byte[(w / 2) * (h / 2) * 3];

        Resampler.Resample(source, w, h, new CropRect(0, 0, w, h), target, w / 2, h / 2, White, ResamplingFilter.Box);

        for (var y = 0; y < h / 2; y++)
        {
            for (var x = 0; x < w / 2; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    int Px(int sx, int sy) => source[(((sy * w) + sx) * 3) + c];
                    var sum = Px(2 * x, 2 * y) + Px((2 * x) + 1, 2 * y) + Px(2 * x, (2 * y) + 1) + Px((2 * x) + 1, (2 * y) + 1);
                    Assert.Equal((sum + 2) / 4, target[(((y * (w / 2)) + x) * 3) + c]);
                }
            }
        }
    }

    [Fact]
    public void The_box_filter_s_3x_reduction_averages_each_3x3_block()
    {
        const int w = 30, h = 27;
        var source = new byte[w * h * 3];
        new Random(5).NextBytes(source);
        var target = new byte[10 * 9 * 3];

        Resampler.Resample(source, w, h, new CropRect(0, 0, w, h), target, 10, 9, White, ResamplingFilter.Box);

        var sum = 0;
        for (var y = 3; y < 6; y++)
        {
            for (var x = 6; x < 9; x++)
            {
                sum += source[(((y * w) + x) * 3) + 1];
            }
        }

        Assert.InRange(target[(((1 * 10) + 2) * 3) + 1], Math.Floor(sum / 9.0), Math.Ceiling(sum / 9.0));
    }

    [Theory]
    [InlineData(256, 358, ResamplingFilter.Lanczos3)] // enlarging
    [InlineData(1024, 358, ResamplingFilter.Lanczos3)] // shrinking by a whole ratio... almost
    [InlineData(777, 358, ResamplingFilter.Lanczos3)] // shrinking by a fractional ratio
    [InlineData(256, 358, ResamplingFilter.Box)]
    [InlineData(777, 358, ResamplingFilter.Box)]
    public void A_horizontal_gradient_stays_a_linear_gradient(int sourceWidth, int width, ResamplingFilter filter)
    {
        // Luma rises linearly from 0 to 255 across the source; the output pixel at x samples source position
        // (x + 0.5)·ratio, so its value must be that position's value (± 1 for rounding), for every filter.
        const int sourceHeight = 20, height = 10;
        var source = new byte[sourceWidth * sourceHeight * 3];
        for (var y = 0; y < sourceHeight; y++)
        {
            for (var x = 0; x < sourceWidth; x++)
            {
                var v = (byte)Math.Round(255.0 * x / (sourceWidth - 1));
                var i = ((y * sourceWidth) + x) * 3;
                (source[i], source[i + 1], source[i + 2]) = (v, v, v);
            }
        }

        var target = new byte[width * height * 3];
        Resampler.Resample(source, sourceWidth, sourceHeight, new CropRect(0, 0, sourceWidth, sourceHeight), target, width, height, White, filter);

        var ratio = (double)sourceWidth / width;
        for (var x = 1; x < width - 1; x++)
        {
            var centre = ((x + 0.5) * ratio) - 0.5;
            var expected = 255.0 * centre / (sourceWidth - 1);
            for (var y = 0; y < height; y++)
            {
                Assert.InRange(target[((y * width) + x) * 3], expected - 1.01, expected + 1.01);
            }

            Assert.True(target[x * 3] >= target[(x - 1) * 3], "monotonic");
        }
    }

    [Fact]
    public void A_region_beyond_the_source_is_padded()
    {
        // A 10 × 10 black image; the region starts 5 px left of it and is 20 px wide: the left quarter is padding.
        var source = Filled(10, 10, (0, 0, 0));
        var target = new byte[20 * 10 * 3];

        Resampler.Resample(source, 10, 10, new CropRect(-5, 0, 20, 10), target, 20, 10, (250, 251, 252));

        Assert.Equal((250, 251, 252), (target[0], target[1], target[2]));
        Assert.Equal((250, 251, 252), (target[4 * 3], target[(4 * 3) + 1], target[(4 * 3) + 2]));
        Assert.Equal(0, target[5 * 3]);
        Assert.Equal(0, target[14 * 3]);
        Assert.Equal(250, target[15 * 3]);

        // Shrinking across the edges: output pixels half outside, half inside average the two (the box filter
        // exactly; Lanczos' wider lobes also reach the padding beyond the far edge, a few levels more).
        var half = new byte[3 * 3];
        Resampler.Resample(source, 10, 10, new CropRect(-2.5, 0, 15, 10), half, 3, 1, (200, 200, 200), ResamplingFilter.Box);
        Assert.Equal(100, half[0]);
        Assert.Equal(0, half[3]);
        Assert.Equal(100, half[6]);
        Resampler.Resample(source, 10, 10, new CropRect(-2.5, 0, 15, 10), half, 3, 1, (200, 200, 200));
        Assert.InRange(half[0], 95, 108);
        Assert.Equal(0, half[3]);
        Assert.InRange(half[6], 95, 108);
    }

    [Theory]
    [InlineData(1.0)] // same size: an identity
    [InlineData(2.0)]
    [InlineData(1.37)]
    public void Lanczos_keeps_the_mean_and_an_identity_at_ratio_one(double ratio)
    {
        const int w = 120, h = 90;
        var source = new byte[w * h * 3];
        new Random(3).NextBytes(source);
        for (var i = 0; i < source.Length; i++)
        {
            source[i] = (byte)(64 + (source[i] / 2)); // 64–191: no clipping of the kernel's overshoot
        }

        int tw = (int)Math.Round(w / ratio), th = (int)Math.Round(h / ratio);
        var target = new byte[tw * th * 3];
        Resampler.Resample(source, w, h, new CropRect(0, 0, w, h), target, tw, th, White);

        if (ratio == 1.0)
        {
            Assert.Equal(source, target);
        }

        Assert.InRange(target.Average(b => (double)b), source.Average(b => (double)b) - 0.5, source.Average(b => (double)b) + 0.5);
    }

    [Fact]
    public void Lanczos_removes_detail_finer_than_the_output_can_hold()
    {
        // Alternating black and white columns shrunk 2.5 ×: a pattern above the output's Nyquist frequency must
        // become an even grey, not a moiré of stripes.
        const int w = 250, h = 10;
        var source = new byte[w * h * 3];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var v = (byte)(x % 2 == 0 ? 0 : 255);
                var i = ((y * w) + x) * 3;
                (source[i], source[i + 1], source[i + 2]) = (v, v, v);
            }
        }

        var target = new byte[100 * 4 * 3];
        Resampler.Resample(source, w, h, new CropRect(0, 0, w, h), target, 100, 4, White);

        for (var x = 5; x < 95; x++)
        {
            Assert.InRange(target[((2 * 100) + x) * 3], 112, 143);
        }
    }

    [Theory]
    [InlineData(1.35)]
    [InlineData(1.8)]
    [InlineData(2.6)]
    public void Lanczos_keeps_more_of_a_real_photo_s_sharpness_than_the_box_filter(double ratio)
    {
        // The astronaut photograph shrunk as the fixer shrinks a DCT-scaled original; sharpness is the inspector's
        // own measure (variance of the Laplacian) over her face.
        var photo = Astronaut.Image;
        int tw = (int)Math.Round(photo.Width / ratio), th = (int)Math.Round(photo.Height / ratio);
        var crop = new CropRect(0, 0, photo.Width, photo.Height);
        var lanczos = new byte[tw * th * 3];
        var box = new byte[tw * th * 3];
        Resampler.Resample(photo.Pixels, photo.Width, photo.Height, crop, lanczos, tw, th, White);
        Resampler.Resample(photo.Pixels, photo.Width, photo.Height, crop, box, tw, th, White, ResamplingFilter.Box);

        var face = new PixelRect((int)(175 / ratio), (int)(60 / ratio), (int)(100 / ratio), (int)(110 / ratio));
        var sharpLanczos = PixelStatistics.Central(new RgbImageView(lanczos, tw, th), face)!.Value.Sharpness;
        var sharpBox = PixelStatistics.Central(new RgbImageView(box, tw, th), face)!.Value.Sharpness;

        Assert.True(sharpLanczos > sharpBox * 1.12, $"Lanczos {sharpLanczos:0.0} against box {sharpBox:0.0}");
    }

    [Fact]
    public void Bad_arguments_throw()
    {
        var source = new byte[4 * 4 * 3];
        var target = new byte[2 * 2 * 3];

        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample(source, 4, 4, new CropRect(0, 0, 0, 4), target, 2, 2, White));
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample(source, 4, 4, new CropRect(double.NaN, 0, 4, 4), target, 2, 2, White));
        Assert.Throws<ArgumentException>(() => Resampler.Resample(source, 5, 4, new CropRect(0, 0, 4, 4), target, 2, 2, White));
        Assert.Throws<ArgumentException>(() => Resampler.Resample(source, 4, 4, new CropRect(0, 0, 4, 4), target, 3, 2, White));
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampler.Resample(source, 4, 4, new CropRect(0, 0, 4, 4), target, 2, 2, White, (ResamplingFilter)7));
    }

    private static byte[] Filled(int width, int height, (byte R, byte G, byte B) colour)
    {
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i += 3)
        {
            (pixels[i], pixels[i + 1], pixels[i + 2]) = colour;
        }

        return pixels;
    }
}
