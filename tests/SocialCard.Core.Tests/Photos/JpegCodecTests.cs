using SocialCard.Core.Photos.Jpeg;

namespace SocialCard.Core.Tests.Photos;

public class JpegCodecTests
{
    private static readonly JpegCodec Codec = TestImages.Codec;

    [Fact]
    public void Library_is_installed()
    {
        // Fails (never skips) on a machine without the package, with the message that says how to fix it.
        var problem = JpegCodec.CheckAvailable();
        Assert.True(problem is null, problem);
    }

    [Fact]
    public void A_missing_library_is_reported_with_the_install_command()
    {
        var problem = JpegCodec.CheckAvailable("libturbojpeg-not-here.so.0");

        Assert.Equal("libturbojpeg-not-here.so.0 not found: apt-get install libturbojpeg0", problem);
        Assert.Equal(
            "libturbojpeg.so.0 not found: apt-get install libturbojpeg0",
            JpegLibraryMissingException.MissingMessage(TurboJpegNative.LibraryName));
    }

    [Fact]
    public void Header_of_an_encoded_colour_photo()
    {
        var header = Codec.ReadHeader(DrawnFigures.Jpeg());

        Assert.Equal(new JpegHeader(358, 441, JpegSubsampling.Chroma420, JpegColorspace.YCbCr), header);
        Assert.True(header.IsTrueColor);
    }

    [Fact]
    public void Decoding_returns_the_encoded_pixels_within_jpeg_error()
    {
        var options = new DrawnFigureOptions { Noise = 0 };
        var source = DrawnFigures.Pixels(options);
        var jpeg = Codec.Encode(source, 358, 441, JpegPixelFormat.Rgb, 95, JpegSubsampling.Chroma444);

        using var image = Codec.Decode(jpeg);

        Assert.Equal((358, 441, 358 * 3, JpegPixelFormat.Rgb, JpegScale.Full), (image.Width, image.Height, image.Stride, image.Format, image.Scale));
        long error = 0;
        var pixels = image.Pixels;
        for (var i = 0; i < source.Length; i++)
        {
            error += Math.Abs(pixels[i] - source[i]);
        }

        Assert.InRange((double)error / source.Length, 0, 2.0);
    }

    [Fact]
    public void Decoding_to_gray_gives_one_byte_per_pixel()
    {
        using var image = Codec.Decode(DrawnFigures.Jpeg(), JpegPixelFormat.Gray);

        Assert.Equal(358 * 441, image.Pixels.Length);
        Assert.InRange(image.Pixels[0], 235, 255); // the white background's corner
    }

    [Fact]
    public void Gray_pixels_encode_as_a_grayscale_jpeg()
    {
        var header = Codec.ReadHeader(DrawnFigures.GrayJpeg());

        Assert.Equal((JpegColorspace.Gray, JpegSubsampling.Gray), (header.Colorspace, header.Subsampling));
        Assert.False(header.IsTrueColor);
    }

    [Fact]
    public void Cmyk_pixels_encode_as_a_ycck_jpeg()
    {
        var jpeg = DrawnFigures.CmykJpeg();

        Assert.Equal(JpegColorspace.Ycck, Codec.ReadHeader(jpeg).Colorspace);
        using var image = Codec.Decode(jpeg, JpegPixelFormat.Cmyk);
        Assert.Equal(358 * 441 * 4, image.Pixels.Length);
    }

    [Fact]
    public void Encoding_writes_the_requested_density_where_turbojpeg_writes_none()
    {
        var pixels = DrawnFigures.Pixels(new DrawnFigureOptions());

        Assert.True(JfifDensity.TryRead(Codec.Encode(pixels, 358, 441, JpegPixelFormat.Rgb, 70), out var plain));
        Assert.Equal(JfifDensityUnit.None, plain.Unit);

        Assert.True(JfifDensity.TryRead(Codec.Encode(pixels, 358, 441, JpegPixelFormat.Rgb, 70, dpi: 350), out var set));
        Assert.Equal(new JfifDensity(JfifDensityUnit.DotsPerInch, 350, 350), set);
    }

    [Theory]
    [InlineData(JpegScale.Half, 1500, 2000)]
    [InlineData(JpegScale.Quarter, 750, 1000)]
    [InlineData(JpegScale.Eighth, 375, 500)]
    public void A_camera_sized_image_decodes_scaled(JpegScale scale, int width, int height)
    {
        using var image = Codec.Decode(CameraJpeg.Value, JpegPixelFormat.Rgb, scale);

        Assert.Equal((width, height, scale), (image.Width, image.Height, image.Scale));
        Assert.Equal((3000, 4000), (image.Source.Width, image.Source.Height));
        Assert.Equal(width * height * 3, image.Pixels.Length);
    }

    [Theory]
    [InlineData(3000, 4000, JpegScale.Eighth)]
    [InlineData(1500, 2000, JpegScale.Quarter)]
    [InlineData(800, 900, JpegScale.Half)]
    [InlineData(500, 600, JpegScale.Full)]
    [InlineData(358, 441, JpegScale.Full)]
    public void The_chosen_scale_keeps_at_least_the_photo_size(int width, int height, JpegScale expected)
    {
        var scale = JpegScales.Choose(width, height, 358, 441);

        Assert.Equal(expected, scale);
        Assert.True(scale.Apply(width) >= 358 && scale.Apply(height) >= 441);
    }

    [Fact]
    public void A_truncated_file_fails_as_a_warning_not_as_a_grey_image()
    {
        var jpeg = DrawnFigures.Jpeg();

        var e = Assert.Throws<JpegDataException>(() => Codec.Decode(jpeg.AsSpan(0, jpeg.Length / 2)).Dispose());

        Assert.True(e.IsWarning);
        Assert.Contains("Premature end of JPEG file", e.Message);
    }

    [Fact]
    public void Random_bytes_are_not_a_jpeg()
    {
        var e = Assert.Throws<JpegDataException>(() => Codec.ReadHeader(TestImages.RandomBytes(5000, seed: 7)));

        Assert.False(e.IsWarning);
        Assert.Contains("Not a JPEG", e.Message);
    }

    [Fact]
    public void Empty_data_is_not_a_jpeg() =>
        Assert.Throws<JpegDataException>(() => Codec.ReadHeader(ReadOnlySpan<byte>.Empty));

    [Fact]
    public void A_decompression_bomb_is_refused_before_any_pixel_memory_is_allocated()
    {
        var bomb = TestImages.HugeJpegHeader();
        Assert.Equal((20000, 20000), (Codec.ReadHeader(bomb).Width, Codec.ReadHeader(bomb).Height));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<JpegTooLargeException>(() => Codec.Decode(bomb).Dispose());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal((20000, 20000, JpegCodec.DefaultMaxPixels), (e.Width, e.Height, e.MaxPixels));
        Assert.InRange(allocated, 0, 64 * 1024); // the exception and its message, not 1.2 GB of pixels
    }

    [Fact]
    public void The_pixel_limit_is_configurable()
    {
        var small = new JpegCodec(maxPixels: 100_000);

        Assert.Throws<JpegTooLargeException>(() => small.Decode(DrawnFigures.Jpeg()).Dispose());
        Assert.Equal(358, small.ReadHeader(DrawnFigures.Jpeg()).Width); // the header alone is always readable
    }

    [Fact]
    public void Bad_arguments_are_programming_errors()
    {
        var pixels = new byte[10 * 10 * 3];

        Assert.Throws<ArgumentOutOfRangeException>(() => Codec.Encode(pixels, 10, 10, JpegPixelFormat.Rgb, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Codec.Encode(pixels, 10, 10, JpegPixelFormat.Rgb, 101));
        Assert.Throws<ArgumentException>(() => Codec.Encode(pixels, 10, 11, JpegPixelFormat.Rgb, 70));
        Assert.Throws<ArgumentOutOfRangeException>(() => Codec.Decode(DrawnFigures.Jpeg(), JpegPixelFormat.Rgb, (JpegScale)3));
    }

    [Fact]
    public void A_disposed_image_gives_no_pixels()
    {
        var image = Codec.Decode(DrawnFigures.Jpeg());
        image.Dispose();
        image.Dispose(); // idempotent

        Assert.Throws<ObjectDisposedException>(() => image.Pixels.Length);
    }

    [Fact]
    public void Encoding_and_decoding_are_thread_safe()
    {
        // Different images on every thread, each checked against a result made on one thread.
        var sources = Enumerable.Range(0, 4).Select(i => DrawnFigures.Pixels(new DrawnFigureOptions { Seed = i + 1 })).ToArray();
        var expectedJpegs = sources.Select(p => Codec.Encode(p, 358, 441, JpegPixelFormat.Rgb, 70)).ToArray();
        var expectedPixels = expectedJpegs.Select(j =>
        {
            using var image = Codec.Decode(j);
            return image.Pixels.ToArray();
        }).ToArray();

        var failures = 0;
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var k = i % sources.Length;
            var jpeg = Codec.Encode(sources[k], 358, 441, JpegPixelFormat.Rgb, 70);
            using var image = Codec.Decode(jpeg);
            if (!jpeg.AsSpan().SequenceEqual(expectedJpegs[k]) || !image.Pixels.SequenceEqual(expectedPixels[k]))
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }

    // A 3000 × 4000 (12 MP) camera-sized portrait, built once for the scaling tests.
    private static readonly Lazy<byte[]> CameraJpeg = new(() =>
    {
        var options = new DrawnFigureOptions { Width = 3000, Height = 4000, Noise = 2 };
        return Codec.Encode(DrawnFigures.Pixels(options), 3000, 4000, JpegPixelFormat.Rgb, 80);
    });
}
