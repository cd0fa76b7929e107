using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Tests.Support;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Tests.Photos;

public class PhotoInspectorTests
{
    private static readonly PhotoInspector Inspector = new(TestImages.Codec);

    [Fact]
    public void A_drawn_figure_to_the_specification_passes_every_check_but_is_flagged_as_not_a_photograph()
    {
        var jpeg = DrawnFigures.Jpeg();

        var result = Inspector.Inspect(jpeg);

        var flag = Assert.Single(result.Findings);
        Assert.Equal((RuleCodes.PhotoNotPhotograph, Severity.Warning), (flag.Code, flag.Severity));
        Assert.Contains("层次丰富", flag.Message);
        Assert.InRange(Value(result, PhotoMeasures.ToneRichness), 0, 40);
        Assert.True(result.IsReadable && result.IsAcceptable);
        Assert.False(result.NeedsReview, string.Join(", ", result.Measurements.Where(m => m.NearLimit)));
        Assert.All(result.Measurements.Where(m => m.Name != PhotoMeasures.ToneRichness), m => Assert.True(m.IsWithinLimits, m.ToString()));
        Assert.Equal(new JpegHeader(358, 441, JpegSubsampling.Chroma420, JpegColorspace.YCbCr), result.Header);
        Assert.Equal(
            [
                PhotoMeasures.FileSize, PhotoMeasures.Width, PhotoMeasures.Height, PhotoMeasures.Dpi, PhotoMeasures.Quality,
                PhotoMeasures.BorderStep, PhotoMeasures.BackgroundBrightness, PhotoMeasures.BackgroundCast,
                PhotoMeasures.BackgroundSpread, PhotoMeasures.Colorfulness, PhotoMeasures.Brightness, PhotoMeasures.Contrast,
                PhotoMeasures.Sharpness, PhotoMeasures.ToneRichness,
            ],
            result.Measurements.Select(m => m.Name));
        Assert.Equal(jpeg.Length, Value(result, PhotoMeasures.FileSize));
        Assert.Equal(70, Value(result, PhotoMeasures.Quality));
        Assert.Equal(350, Value(result, PhotoMeasures.Dpi));
    }

    [Fact]
    public void Png_renamed_to_jpg_is_unreadable_and_named()
    {
        var result = Inspector.Inspect(TestImages.Png());

        var finding = Only(result, RuleCodes.PhotoUnreadable, Severity.Error);
        Assert.Contains("PNG", finding.Message);
        Assert.False(result.IsReadable);
        Assert.Null(result.Header);
    }

    [Fact]
    public void A_truncated_upload_is_unreadable()
    {
        var jpeg = DrawnFigures.Jpeg();

        var result = Inspector.Inspect(jpeg.AsSpan(0, jpeg.Length / 2));

        var finding = Only(result, RuleCodes.PhotoUnreadable, Severity.Error);
        Assert.Contains("不完整", finding.Message);
        Assert.Contains("Premature end of JPEG file", finding.Message);
        Assert.Equal(jpeg.Length / 2, Value(result, PhotoMeasures.FileSize));
        Assert.Equal(358, Value(result, PhotoMeasures.Width)); // the header survived; the image did not
    }

    [Fact]
    public void A_corrupt_header_is_unreadable()
    {
        var jpeg = DrawnFigures.Jpeg();
        byte[] broken = [.. jpeg.AsSpan(0, 40), .. TestImages.RandomBytes(2000, seed: 11)];

        Only(Inspector.Inspect(broken), RuleCodes.PhotoUnreadable, Severity.Error);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_bytes_are_unreadable(int seed)
    {
        var finding = Only(Inspector.Inspect(TestImages.RandomBytes(20_000, seed)), RuleCodes.PhotoUnreadable, Severity.Error);

        Assert.Contains("不是JPEG", finding.Message);
    }

    [Fact]
    public void An_empty_file_is_unreadable()
    {
        var result = Inspector.Inspect([]);

        Assert.Contains("0字节", Only(result, RuleCodes.PhotoUnreadable, Severity.Error).Message);
        Assert.Equal(0, Value(result, PhotoMeasures.FileSize));
    }

    [Fact]
    public void A_20000_by_20000_header_is_refused_without_decoding()
    {
        var codec = new CountingCodec(TestImages.Codec);
        var inspector = new PhotoInspector(codec);

        var result = inspector.Inspect(TestImages.HugeJpegHeader());

        var finding = Only(result, RuleCodes.PhotoUnreadable, Severity.Error);
        Assert.Contains("20000×20000", finding.Message);
        Assert.Contains("5000万像素", finding.Message);
        Assert.Equal(20000, Value(result, PhotoMeasures.Width));
        Assert.Equal(20000, Value(result, PhotoMeasures.Height));
        Assert.Equal(0, codec.Decodes);
    }

    [Fact]
    public void Wrong_dimensions_are_reported_with_both_sizes()
    {
        var result = Inspector.Inspect(DrawnFigures.Jpeg(new DrawnFigureOptions { Width = 300, Height = 400 }));

        var finding = Only(result, RuleCodes.PhotoDimensions, Severity.Error);
        Assert.Equal("照片像素不足（当前300×400像素，应为358×441像素）：请用相机或手机重新拍摄，或使用原始大图，不要把小照片放大", finding.Message);
        Assert.Equal(300, Value(result, PhotoMeasures.Width));
        Assert.Equal(400, Value(result, PhotoMeasures.Height));
        Assert.False(result.GetMeasurement(PhotoMeasures.Width)!.IsWithinLimits);
    }

    [Fact]
    public void A_larger_photo_is_told_to_crop_and_no_measurement_unit_is_English()
    {
        var result = Inspector.Inspect(DrawnFigures.Jpeg(new DrawnFigureOptions { Width = 400, Height = 500 }));

        var finding = Only(result, RuleCodes.PhotoDimensions, Severity.Error);
        Assert.Equal("照片尺寸为400×500像素，应为358×441像素：请裁剪或缩小为358×441像素", finding.Message);
        Assert.All(result.Measurements, m => Assert.True(m.Unit is PhotoUnits.Dpi || !m.Unit.Any(char.IsAsciiLetter), m.Name + ": " + m.Unit));
        Assert.Equal("KB", PhotoUnits.ForDisplay(result.GetMeasurement(PhotoMeasures.FileSize)!).Unit);
    }

    [Fact]
    public void Seventy_two_dpi_is_reported()
    {
        var result = Inspector.Inspect(DrawnFigures.Jpeg(dpi: 72));

        var finding = Only(result, RuleCodes.PhotoDpi, Severity.Error);
        Assert.Equal("照片分辨率为72dpi，应为350dpi：请重新保存为350dpi", finding.Message);
        Assert.Equal(72, Value(result, PhotoMeasures.Dpi));
    }

    [Fact]
    public void Dots_per_centimetre_are_converted_before_comparing()
    {
        var low = JfifDensity.Set(DrawnFigures.Jpeg(), new JfifDensity(JfifDensityUnit.DotsPerCentimetre, 28, 28));
        var right = JfifDensity.Set(DrawnFigures.Jpeg(), new JfifDensity(JfifDensityUnit.DotsPerCentimetre, 138, 138));

        var lowResult = Inspector.Inspect(low);
        var finding = Only(lowResult, RuleCodes.PhotoDpi, Severity.Error);
        Assert.Contains("每厘米28点（约71.1dpi）", finding.Message);
        Assert.Equal(71.12, Value(lowResult, PhotoMeasures.Dpi), precision: 2);

        var rightResult = Inspector.Inspect(right);
        FindingAssertions.None(rightResult.Findings, RuleCodes.PhotoDpi);
        Assert.Equal(350.52, Value(rightResult, PhotoMeasures.Dpi), precision: 2);
    }

    [Fact]
    public void A_missing_density_is_reported()
    {
        var result = Inspector.Inspect(DrawnFigures.Jpeg(dpi: null));

        Assert.Contains("没有记录分辨率", Only(result, RuleCodes.PhotoDpi, Severity.Error).Message);
        Assert.Equal(0, Value(result, PhotoMeasures.Dpi));
    }

    [Fact]
    public void Different_horizontal_and_vertical_densities_are_both_named()
    {
        var jpeg = JfifDensity.Set(DrawnFigures.Jpeg(), new JfifDensity(JfifDensityUnit.DotsPerInch, 350, 300));

        var result = Inspector.Inspect(jpeg);

        Assert.Contains("垂直分辨率为300dpi", Only(result, RuleCodes.PhotoDpi, Severity.Error).Message);
        Assert.Equal(350, Value(result, PhotoMeasures.Dpi));
        Assert.Equal(300, Value(result, PhotoMeasures.DpiVertical));
    }

    [Fact]
    public void A_grayscale_jpeg_is_not_colour()
    {
        var result = Inspector.Inspect(DrawnFigures.GrayJpeg());

        Assert.Contains("灰度", Only(result, RuleCodes.PhotoColor, Severity.Error).Message);
        Assert.Equal(JpegColorspace.Gray, result.Header!.Value.Colorspace);
        Assert.Null(result.GetMeasurement(PhotoMeasures.Colorfulness)); // the header already says it; no second finding
        Assert.NotNull(result.GetMeasurement(PhotoMeasures.BackgroundBrightness)); // the pixel checks still ran
    }

    [Fact]
    public void A_cmyk_jpeg_is_not_rgb()
    {
        var result = Inspector.Inspect(DrawnFigures.CmykJpeg());

        Assert.Contains("YCCK", Only(result, RuleCodes.PhotoColor, Severity.Error).Message);
        Assert.Equal(JpegColorspace.Ycck, result.Header!.Value.Colorspace);
        Assert.Null(result.GetMeasurement(PhotoMeasures.BackgroundBrightness)); // libjpeg gives no RGB for CMYK
    }

    [Fact]
    public void A_black_and_white_photo_saved_as_colour_is_not_colour()
    {
        var result = Inspector.Inspect(DrawnFigures.Jpeg(new DrawnFigureOptions { Monochrome = true }));

        Assert.Contains("黑白照片", Only(result, RuleCodes.PhotoColor, Severity.Error).Message);
        Assert.InRange(Value(result, PhotoMeasures.Colorfulness), 0, 1);
        Assert.Equal(JpegColorspace.YCbCr, result.Header!.Value.Colorspace);
    }

    [Fact]
    public void A_file_below_the_byte_range_is_reported()
    {
        var jpeg = DrawnFigures.Jpeg(quality: 10);

        var result = Inspector.Inspect(jpeg);

        var finding = Only(result, RuleCodes.PhotoFileSize, Severity.Error);
        Assert.Equal($"照片大小为{jpeg.Length / 1024.0:0.#}KB，应为14–40KB：请提高压缩质量后重新保存", finding.Message);
        Assert.Equal(jpeg.Length, Value(result, PhotoMeasures.FileSize));
        Assert.True(jpeg.Length < 14 * 1024);
    }

    [Fact]
    public void A_file_above_the_byte_range_is_reported()
    {
        var jpeg = DrawnFigures.Jpeg(quality: 100);

        var result = Inspector.Inspect(jpeg);

        Assert.Contains("请降低压缩质量", Only(result, RuleCodes.PhotoFileSize, Severity.Error).Message);
        Assert.Equal(jpeg.Length, Value(result, PhotoMeasures.FileSize));
        Assert.True(jpeg.Length > 40 * 1024);
    }

    [Fact]
    public void The_byte_range_is_a_deployment_setting()
    {
        var jpeg = DrawnFigures.Jpeg(quality: 100);
        var inspector = new PhotoInspector(TestImages.Codec, PhotoSpec.Default with { MinBytes = 10 * 1024, MaxBytes = 200 * 1024 });

        var result = inspector.Inspect(jpeg);

        FindingAssertions.None(result.Findings, RuleCodes.PhotoFileSize);
        Assert.Equal((10 * 1024, 200 * 1024), (result.GetMeasurement(PhotoMeasures.FileSize)!.Min, result.GetMeasurement(PhotoMeasures.FileSize)!.Max));
    }

    [Fact]
    public void Quality_30_is_estimated_and_warned_about()
    {
        var result = Inspector.Inspect(DrawnFigures.Jpeg(quality: 30));

        var finding = Only(result, RuleCodes.PhotoQuality, Severity.Warning);
        Assert.InRange(Value(result, PhotoMeasures.Quality), 25, 35);
        Assert.Contains("压缩质量估计为30，要求为70（允许55–85）", finding.Message);
    }

    [Fact]
    public void A_grey_background_is_reported_with_its_brightness()
    {
        var result = Inspector.Inspect(DrawnFigures.Jpeg(new DrawnFigureOptions { Background = new(185, 185, 185) }));

        var finding = Only(result, RuleCodes.PhotoBackground, Severity.Error);
        Assert.InRange(Value(result, PhotoMeasures.BackgroundBrightness), 180, 190);
        Assert.Contains("背景不够白", finding.Message);
        Assert.Contains("应不低于205", finding.Message);
    }

    [Fact]
    public void A_blue_background_is_reported_with_its_cast()
    {
        var result = Inspector.Inspect(DrawnFigures.Jpeg(new DrawnFigureOptions { Background = new(67, 142, 219) }));

        var finding = Only(result, RuleCodes.PhotoBackground, Severity.Error);
        Assert.InRange(Value(result, PhotoMeasures.BackgroundCast), 140, 160);
        Assert.Contains("背景有颜色", finding.Message);
    }

    [Fact]
    public void A_pale_coloured_background_fails_although_it_is_bright()
    {
        var result = Inspector.Inspect(DrawnFigures.Jpeg(new DrawnFigureOptions { Background = new(225, 235, 250) }));

        Assert.Contains("背景有颜色", Only(result, RuleCodes.PhotoBackground, Severity.Error).Message);
        Assert.True(result.GetMeasurement(PhotoMeasures.BackgroundBrightness)!.IsWithinLimits);
        Assert.InRange(Value(result, PhotoMeasures.BackgroundCast), 20, 30);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    public void A_black_frame_is_reported_as_a_border(int frameWidth)
    {
        var result = Inspector.Inspect(DrawnFigures.Jpeg(new DrawnFigureOptions { FrameWidth = frameWidth }));

        var finding = Only(result, RuleCodes.PhotoBackground, Severity.Error);
        Assert.Contains("边框", finding.Message);
        Assert.InRange(Value(result, PhotoMeasures.BorderStep), 200, 255);
    }

    [Fact]
    public void A_very_dark_photo_is_reported_as_too_dark()
    {
        var result = Inspector.Inspect(DrawnFigures.Jpeg(new DrawnFigureOptions { Exposure = 0.3 }));

        var finding = Only(result, RuleCodes.PhotoExposure, Severity.Warning);
        Assert.Contains("偏暗", finding.Message);
        Assert.InRange(Value(result, PhotoMeasures.Brightness), 40, 60);
        Assert.True(result.Has(RuleCodes.PhotoBackground)); // the white background has turned grey as well
    }

    [Fact]
    public void A_washed_out_photo_is_reported_as_low_contrast()
    {
        // Everything squeezed into 200–255: a hazy, over-exposed picture.
        var options = new DrawnFigureOptions();
        var pixels = DrawnFigures.Pixels(options);
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(200 + (pixels[i] * 55 / 255));
        }

        var jpeg = TestImages.Codec.Encode(pixels, 358, 441, JpegPixelFormat.Rgb, 70, dpi: 350);
        var result = Inspector.Inspect(jpeg);

        var finding = Only(result, RuleCodes.PhotoExposure, Severity.Warning);
        Assert.Contains("对比度低", finding.Message);
        Assert.Contains("偏亮", finding.Message);
        Assert.InRange(Value(result, PhotoMeasures.Contrast), 0, 60);
    }

    [Fact]
    public void A_blurred_photo_is_reported_as_not_sharp()
    {
        var result = Inspector.Inspect(DrawnFigures.Jpeg(new DrawnFigureOptions { BlurRadius = 3 }));

        var finding = Only(result, RuleCodes.PhotoBlur, Severity.Warning);
        Assert.InRange(Value(result, PhotoMeasures.Sharpness), 0, 30);
        Assert.Contains("应不低于40", finding.Message);
    }

    [Fact]
    public void Near_limit_values_ask_for_a_person_on_both_sides_of_the_limit()
    {
        Assert.True(Measurement.Create("x", 56, "", 55, 85, 5).NearLimit);
        Assert.True(Measurement.Create("x", 52, "", 55, 85, 5).NearLimit);
        Assert.False(Measurement.Create("x", 70, "", 55, 85, 5).NearLimit);
        Assert.False(Measurement.Create("x", 358, "px", 358, 358, 0).NearLimit);

        var result = Inspector.Inspect(DrawnFigures.Jpeg(quality: 58));
        Assert.True(result.GetMeasurement(PhotoMeasures.Quality)!.NearLimit);
        Assert.True(result.NeedsReview);
    }

    [Fact]
    public void Face_geometry_plugs_in_its_measurements_findings_and_regions()
    {
        // The fake reports a face where there is only white background: the central checks must use it.
        var face = new PixelRect(10, 300, 40, 60);
        var geometry = new FakeGeometry(new FaceGeometryResult(
            [Measurement.Create("FaceWidth", 160, "px", 179, 255, 5)],
            [new Finding(RuleCodes.PhotoFaceWidth, Severity.Error, PhotoInspection.Field, "脸宽为160像素，应为179–255像素")],
            Face: face,
            Head: new PixelRect(60, 10, 240, 300)));
        var inspector = new PhotoInspector(TestImages.Codec, geometry: geometry);

        var result = inspector.Inspect(DrawnFigures.Jpeg());

        Assert.Equal((358, 441, 1), geometry.Seen);
        Assert.Equal(160, Value(result, "FaceWidth"));
        Assert.Equal(RuleCodes.PhotoFaceWidth, result.Findings[^1].Code);
        Assert.True(Value(result, PhotoMeasures.Brightness) > 235); // measured on the "face": background
        Assert.True(result.Has(RuleCodes.PhotoExposure));
        // The head box starts at y 10, above the real hair top (15): the band above it is still white.
        FindingAssertions.None(result.Findings, RuleCodes.PhotoBackground);
    }

    [Fact]
    public void The_band_above_the_head_is_checked_when_geometry_knows_the_head()
    {
        // A head box reported 40 px too low: the band above it now contains hair, and the background is uneven.
        var geometry = new FakeGeometry(new FaceGeometryResult([], [], Head: new PixelRect(80, 55, 200, 280)));
        var inspector = new PhotoInspector(TestImages.Codec, geometry: geometry);

        var result = inspector.Inspect(DrawnFigures.Jpeg());

        Assert.Contains("背景不均匀", Only(result, RuleCodes.PhotoBackground, Severity.Error).Message);
    }

    [Fact]
    public void A_missing_library_is_not_an_unreadable_photo()
    {
        var inspector = new PhotoInspector(new MissingLibraryCodec());

        var e = Assert.Throws<JpegLibraryMissingException>(() => inspector.Inspect(DrawnFigures.Jpeg()));

        Assert.Contains("apt-get install libturbojpeg0", e.Message);
    }

    [Fact]
    public void Impossible_settings_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new PhotoInspector(TestImages.Codec, PhotoSpec.Default with { MinBytes = 50_000, MaxBytes = 10_000 }));
        Assert.Throws<ArgumentException>(() => new PhotoInspector(TestImages.Codec, PhotoSpec.Default with { TargetQuality = 0 }));
    }

    [Fact]
    public void Inspection_is_thread_safe()
    {
        var files = new[] { DrawnFigures.Jpeg(), DrawnFigures.Jpeg(quality: 30), DrawnFigures.Jpeg(new DrawnFigureOptions { FrameWidth = 4 }) };
        var expected = files.Select(f => Describe(Inspector.Inspect(f))).ToArray();

        var failures = 0;
        Parallel.For(0, 150, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (Describe(Inspector.Inspect(files[i % files.Length])) != expected[i % files.Length])
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);

        static string Describe(PhotoInspection r) =>
            string.Join("|", r.Measurements.Select(m => $"{m.Name}={m.Value}")) + string.Join("|", r.Findings.Select(f => f.Message));
    }

    private static Finding Only(PhotoInspection result, string code, Severity severity)
    {
        var finding = FindingAssertions.Single(result.Findings, code);
        Assert.Equal(severity, finding.Severity);
        Assert.Equal(PhotoInspection.Field, finding.Field);
        return finding;
    }

    private static double Value(PhotoInspection result, string name) =>
        (result.GetMeasurement(name) ?? throw new Xunit.Sdk.XunitException($"No measurement {name}")).Value;

    private sealed class FakeGeometry(FaceGeometryResult result) : IFaceGeometry
    {
        public (int Width, int Height, int Scale) Seen { get; private set; }

        public FaceGeometryResult Measure(RgbImageView image, PhotoSpec spec)
        {
            Seen = (image.Width, image.Height, image.ScaleDenominator);
            return result;
        }
    }

    private sealed class CountingCodec(IJpegCodec inner) : IJpegCodec
    {
        public int Decodes { get; private set; }

        public JpegHeader ReadHeader(ReadOnlySpan<byte> jpeg) => inner.ReadHeader(jpeg);

        public DecodedImage Decode(ReadOnlySpan<byte> jpeg, JpegPixelFormat format, JpegScale scale)
        {
            Decodes++;
            return inner.Decode(jpeg, format, scale);
        }

        public byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, JpegPixelFormat format, int quality, JpegSubsampling subsampling, int? dpi) =>
            inner.Encode(pixels, width, height, format, quality, subsampling, dpi);
    }

    private sealed class MissingLibraryCodec : IJpegCodec
    {
        private static JpegLibraryMissingException Missing => new(JpegLibraryMissingException.MissingMessage(TurboJpegNative.LibraryName));

        public JpegHeader ReadHeader(ReadOnlySpan<byte> jpeg) => throw Missing;

        public DecodedImage Decode(ReadOnlySpan<byte> jpeg, JpegPixelFormat format, JpegScale scale) => throw Missing;

        public byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, JpegPixelFormat format, int quality, JpegSubsampling subsampling, int? dpi) =>
            throw Missing;
    }
}
