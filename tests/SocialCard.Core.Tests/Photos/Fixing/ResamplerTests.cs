using SocialCard.Core.Photos.Fixing;

namespace SocialCard.Core.Tests.Photos.Fixing;

public class ResamplerTests
{
    private static readonly (byte, byte, byte) White = (255, 255, 255);

    [Theory]
    [InlineData(100, 80, 358, 441)] // enlarging
    [InlineData(1000, 1300, 358, 441)] // shrinking
    [InlineData(358, 441, 358, 441)] // same size
    [InlineData(500, 500, 358, 441)] // both at once, different per axis
    public void A_constant_image_stays_exactly_constant(int sourceWidth, int sourceHeight, int width, int height)
    {
        var source = Filled(sourceWidth, sourceHeight, (93, 140, 201));
        var target = new byte[width * height * 3];

        Resampler.Resample(source, sourceWidth, sourceHeight, new CropRect(0.3, 0.7, sourceWidth - 1.1, sourceHeight - 0.9), target, width, height, White);

        for (var i = 0; i < target.Length; i += 3)
        {
            Assert.Equal((93, 140, 201), (target[i], target[i + 1], target[i + 2]));
        }
    }

    [Fact]
    public void An_exact_2x_reduction_averages_each_2x2_block()
    {
        const int w = 64, h = 48;
        var source = new byte[w * h * 3];
        new Random(11).NextBytes(source);
        var target = new byte[(w / 2) * (h / 2) * 3];

        Resampler.Resample(source, w, h, new CropRect(0, 0, w, h), target, w / 2, h / 2, White);

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
    public void A_3x_reduction_averages_each_3x3_block()
    {
        const int w = 30, h = 27;
        var source = new byte[w * h * 3];
        new Random(5).NextBytes(source);
        var target = new byte[10 * 9 * 3];

        Resampler.Resample(source, w, h, new CropRect(0, 0, w, h), target, 10, 9, White);

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
    [InlineData(256, 358)] // enlarging
    [InlineData(1024, 358)] // shrinking by a whole ratio... almost
    [InlineData(777, 358)] // shrinking by a fractional ratio
    public void A_horizontal_gradient_stays_a_linear_gradient(int sourceWidth, int width)
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
        Resampler.Resample(source, sourceWidth, sourceHeight, new CropRect(0, 0, sourceWidth, sourceHeight), target, width, height, White);

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

        // Shrinking across the edges: output pixels half outside, half inside average the two.
        var half = new byte[3 * 3];
        Resampler.Resample(source, 10, 10, new CropRect(-2.5, 0, 15, 10), half, 3, 1, (200, 200, 200));
        Assert.Equal(100, half[0]);
        Assert.Equal(0, half[3]);
        Assert.Equal(100, half[6]);
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
