using SocialCard.Core.Photos.Faces;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Photos;

/// <summary>
/// Checks a photo file against the card specification (docs/RULES.md, "Photos"): file, header and pixel checks,
/// plus face geometry when an <see cref="IFaceGeometry"/> is given. Stateless and thread-safe; the file is decoded
/// once and the pixel statistics read the decoded buffer in place.
/// </summary>
/// <remarks>
/// Order: an unreadable file gets PHOTO_UNREADABLE alone (its other properties are not worth a clerk's time).
/// Everything else is reported together, so one re-export can fix all of it. CMYK/YCCK files are checked only
/// for the header properties: libjpeg cannot convert them to RGB for the pixel checks.
/// </remarks>
public sealed class PhotoInspector
{
    // NearLimit margins (docs/PHOTOS.md): how close to a bound a value must be for a person to look.
    // Size and density are exact properties and have none.
    private const double FileSizeMargin = 1024;
    private const double QualityMargin = 5;
    private const double BackgroundBrightnessMargin = 10;
    private const double BackgroundCastMargin = 4;
    private const double BackgroundSpreadMargin = 4;
    private const double BorderStepMargin = 10;
    private const double BrightnessMargin = 10;
    private const double ContrastMargin = 10;
    private const double SharpnessMarginFraction = 0.25;
    private const double ColorfulnessMargin = 1;
    private const double ToneRichnessMargin = 10;

    private readonly IJpegCodec codec;
    private readonly IFaceGeometry? geometry;

    public PhotoInspector(IJpegCodec codec, PhotoSpec? spec = null, IFaceGeometry? geometry = null)
    {
        ArgumentNullException.ThrowIfNull(codec);
        spec ??= PhotoSpec.Default;
        spec.Validate();
        this.codec = codec;
        this.geometry = geometry;
        Spec = spec;
    }

    public PhotoSpec Spec { get; }

    /// <summary>
    /// Inspects the bytes of one uploaded photo. Problems with the photo are findings; only a broken installation
    /// (<see cref="JpegLibraryMissingException"/>) or a bug throws.
    /// </summary>
    public PhotoInspection Inspect(ReadOnlySpan<byte> file)
    {
        var spec = Spec;
        var measurements = new List<Measurement>(16);
        var findings = new List<Finding>(4);

        measurements.Add(Measurement.Create(PhotoMeasures.FileSize, file.Length, PhotoUnits.Bytes, spec.MinBytes, spec.MaxBytes, FileSizeMargin));

        if (file.IsEmpty)
        {
            return Unreadable(null, measurements, PhotoMessages.Empty);
        }

        if (!JpegSegmentReader.StartsWithSoi(file))
        {
            var format = FileFormatSniffer.NonJpegFormat(file);
            return Unreadable(null, measurements, format is null ? PhotoMessages.NotJpeg : PhotoMessages.OtherFormat(format));
        }

        // Measured as a viewer shows the photo: the Exif orientation turns the header's size and the pixels.
        var orientation = ExifOrientation.Read(file);
        JpegHeader header;
        try
        {
            header = ExifOrientation.Apply(codec.ReadHeader(file), orientation);
        }
        catch (JpegDataException e)
        {
            return Unreadable(null, measurements, PhotoMessages.Corrupt(e.Message));
        }

        measurements.Add(Measurement.Create(PhotoMeasures.Width, header.Width, PhotoUnits.Pixels, spec.Width, spec.Width, 0));
        measurements.Add(Measurement.Create(PhotoMeasures.Height, header.Height, PhotoUnits.Pixels, spec.Height, spec.Height, 0));

        // Checked here as well as in the codec, so a deployment's own limit applies to whatever codec it plugs in.
        if (header.PixelCount > spec.MaxPixels)
        {
            return Unreadable(header, measurements, PhotoMessages.TooLarge(header.Width, header.Height, spec.MaxPixels));
        }

        // Decoding is what proves the file whole: a truncated upload still has an intact header.
        var pixelFormat = header.Colorspace is JpegColorspace.Cmyk or JpegColorspace.Ycck ? JpegPixelFormat.Cmyk : JpegPixelFormat.Rgb;
        var scale = JpegScales.Choose(header.Width, header.Height, spec.Width, spec.Height);
        DecodedImage image;
        try
        {
            image = ExifOrientation.Apply(codec.Decode(file, pixelFormat, scale), orientation);
        }
        catch (JpegDataException e)
        {
            return Unreadable(header, measurements, e.IsWarning ? PhotoMessages.Truncated(e.Message) : PhotoMessages.Corrupt(e.Message));
        }

        using (image)
        {
            if (header.Width != spec.Width || header.Height != spec.Height)
            {
                findings.Add(Error(RuleCodes.PhotoDimensions, PhotoMessages.Dimensions(header.Width, header.Height, spec)));
            }
            else if (orientation != ExifOrientation.Upright)
            {
                findings.Add(Error(RuleCodes.PhotoDimensions, PhotoMessages.Turned(orientation)));
            }

            CheckDensity(file, measurements, findings);

            if (header.Colorspace == JpegColorspace.Gray)
            {
                findings.Add(Error(RuleCodes.PhotoColor, PhotoMessages.Gray));
            }
            else if (!header.IsTrueColor)
            {
                findings.Add(Error(RuleCodes.PhotoColor, PhotoMessages.Cmyk(header.Colorspace)));
            }

            if (file.Length < spec.MinBytes || file.Length > spec.MaxBytes)
            {
                findings.Add(Error(RuleCodes.PhotoFileSize, PhotoMessages.FileSize(file.Length, spec)));
            }

            if (JpegQualityEstimator.Estimate(file) is { } quality)
            {
                var min = spec.TargetQuality - spec.QualityTolerance;
                var max = spec.TargetQuality + spec.QualityTolerance;
                measurements.Add(Measurement.Create(PhotoMeasures.Quality, quality, PhotoUnits.Quality, min, max, QualityMargin));
                if (quality < min || quality > max)
                {
                    findings.Add(Warning(RuleCodes.PhotoQuality, PhotoMessages.Quality(quality, spec)));
                }
            }

            if (pixelFormat == JpegPixelFormat.Rgb)
            {
                var view = new RgbImageView(image.Pixels, image.Width, image.Height, (int)image.Scale);
                CheckPixels(view, header, measurements, findings);
            }
        }

        return new PhotoInspection(header, measurements, findings);
    }

    private void CheckDensity(ReadOnlySpan<byte> file, List<Measurement> measurements, List<Finding> findings)
    {
        var spec = Spec;
        double min = spec.Dpi - spec.DpiTolerance, max = spec.Dpi + spec.DpiTolerance;
        var hasJfif = JfifDensity.TryRead(file, out var density);
        if (density is not { DpiX: { } dpiX, DpiY: { } dpiY })
        {
            measurements.Add(Measurement.Create(PhotoMeasures.Dpi, 0, PhotoUnits.Dpi, min, max, 0));
            findings.Add(Error(RuleCodes.PhotoDpi, PhotoMessages.DpiMissing(hasJfif, spec)));
            return;
        }

        var horizontal = Measurement.Create(PhotoMeasures.Dpi, dpiX, PhotoUnits.Dpi, min, max, 0);
        measurements.Add(horizontal);
        var ok = horizontal.IsWithinLimits;
        if (density.Y != density.X)
        {
            var vertical = Measurement.Create(PhotoMeasures.DpiVertical, dpiY, PhotoUnits.Dpi, min, max, 0);
            measurements.Add(vertical);
            ok &= vertical.IsWithinLimits;
        }

        if (!ok)
        {
            findings.Add(Error(RuleCodes.PhotoDpi, PhotoMessages.Dpi(density, spec)));
        }
    }

    private void CheckPixels(RgbImageView image, JpegHeader header, List<Measurement> measurements, List<Finding> findings)
    {
        // Tiny images have no meaningful bands or regions; their size error says enough.
        if (image.Width < 16 || image.Height < 16)
        {
            return;
        }

        var spec = Spec;
        var faces = geometry?.Measure(image, spec) ?? FaceGeometryResult.None;
        measurements.AddRange(faces.Measurements);

        var background = PixelStatistics.Background(image, faces.Head);
        var problems = new List<string>(4);
        var border = Add(measurements, PhotoMeasures.BorderStep, background.BorderStep, PhotoUnits.Brightness, null, spec.MaxBorderStep, BorderStepMargin);
        if (!border.IsWithinLimits)
        {
            problems.Add(PhotoMessages.Border(background.BorderStep, spec));
        }

        if (!Add(measurements, PhotoMeasures.BackgroundBrightness, background.Brightness, PhotoUnits.Brightness, spec.MinBackgroundBrightness, null, BackgroundBrightnessMargin).IsWithinLimits)
        {
            problems.Add(PhotoMessages.BackgroundDark(background.Brightness, spec));
        }

        if (!Add(measurements, PhotoMeasures.BackgroundCast, background.Cast, PhotoUnits.ColourDifference, null, spec.MaxBackgroundCast, BackgroundCastMargin).IsWithinLimits)
        {
            problems.Add(PhotoMessages.BackgroundCast(background.Cast, spec));
        }

        if (!Add(measurements, PhotoMeasures.BackgroundSpread, background.Spread, PhotoUnits.Brightness, null, spec.MaxBackgroundSpread, BackgroundSpreadMargin).IsWithinLimits)
        {
            problems.Add(PhotoMessages.BackgroundUneven(background.Spread, spec));
        }

        if (problems.Count > 0)
        {
            findings.Add(Error(RuleCodes.PhotoBackground, PhotoMessages.Background(problems)));
        }

        var region = faces.Face ?? PixelStatistics.DefaultCentralRegion(image.Width, image.Height);
        if (PixelStatistics.Central(image, region) is not { } central)
        {
            findings.AddRange(faces.Findings);
            return;
        }

        if (header.IsTrueColor
            && !Add(measurements, PhotoMeasures.Colorfulness, central.Colorfulness, PhotoUnits.ColourDifference, spec.MinColorfulness, null, ColorfulnessMargin).IsWithinLimits)
        {
            findings.Add(Error(RuleCodes.PhotoColor, PhotoMessages.BlackAndWhite(central.Colorfulness, spec)));
        }

        problems.Clear();
        var brightness = Add(measurements, PhotoMeasures.Brightness, central.Brightness, PhotoUnits.Brightness, spec.MinBrightness, spec.MaxBrightness, BrightnessMargin);
        if (!brightness.IsWithinLimits)
        {
            problems.Add(central.Brightness < spec.MinBrightness
                ? PhotoMessages.TooDark(central.Brightness, spec)
                : PhotoMessages.TooBright(central.Brightness, spec));
        }

        if (!Add(measurements, PhotoMeasures.Contrast, central.Contrast, PhotoUnits.Brightness, spec.MinContrast, null, ContrastMargin).IsWithinLimits)
        {
            problems.Add(PhotoMessages.LowContrast(central.Contrast, spec));
        }

        if (problems.Count > 0)
        {
            findings.Add(Warning(RuleCodes.PhotoExposure, PhotoMessages.Exposure(problems)));
        }

        var sharpnessMargin = spec.MinSharpness * SharpnessMarginFraction;
        if (!Add(measurements, PhotoMeasures.Sharpness, central.Sharpness, PhotoUnits.Sharpness, spec.MinSharpness, null, sharpnessMargin).IsWithinLimits)
        {
            findings.Add(Warning(RuleCodes.PhotoBlur, PhotoMessages.Blur(central.Sharpness, spec)));
        }

        // A drawing passes every other pixel check: flagged for a person, not refused (the measure is a heuristic).
        if (ToneRichness.Measure(image, region) is { } richness
            && !Add(measurements, PhotoMeasures.ToneRichness, Math.Round(richness, 1), PhotoUnits.Percent, spec.MinToneRichness, null, ToneRichnessMargin).IsWithinLimits)
        {
            findings.Add(Warning(RuleCodes.PhotoNotPhotograph, PhotoMessages.NotPhotograph(richness, spec)));
        }

        // After the inspector's own, keeping the order of docs/RULES.md.
        findings.AddRange(faces.Findings);
    }

    private static Measurement Add(List<Measurement> measurements, string name, double value, string unit, double? min, double? max, double margin)
    {
        var measurement = Measurement.Create(name, value, unit, min, max, margin);
        measurements.Add(measurement);
        return measurement;
    }

    private static PhotoInspection Unreadable(JpegHeader? header, List<Measurement> measurements, string message) =>
        new(header, measurements, [Error(RuleCodes.PhotoUnreadable, message)]);

    private static Finding Error(string code, string message) => new(code, Severity.Error, PhotoInspection.Field, message);

    private static Finding Warning(string code, string message) => new(code, Severity.Warning, PhotoInspection.Field, message);
}
