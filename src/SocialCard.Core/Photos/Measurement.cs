namespace SocialCard.Core.Photos;

/// <summary>
/// One measured property of a photo with its allowed range (a missing bound is unlimited). <see cref="NearLimit"/>
/// marks values within a small margin of a bound, on either side: the measurement is not exact enough to trust a
/// pass or a failure there, so a person should look (margins: docs/PHOTOS.md).
/// </summary>
public sealed record Measurement(string Name, double Value, string Unit, double? Min, double? Max, bool NearLimit)
{
    public bool IsWithinLimits => (Min is not { } min || Value >= min) && (Max is not { } max || Value <= max);

    /// <summary>A measurement whose <see cref="NearLimit"/> is derived from <paramref name="margin"/> (0: never near).</summary>
    public static Measurement Create(string name, double value, string unit, double? min, double? max, double margin)
    {
        var near = margin > 0
            && ((min is { } lo && Math.Abs(value - lo) <= margin) || (max is { } hi && Math.Abs(value - hi) <= margin));
        return new Measurement(name, value, unit, min, max, near);
    }
}

/// <summary>Names of the <see cref="Measurement"/>s the inspector reports.</summary>
public static class PhotoMeasures
{
    public const string FileSize = "FileSize";
    public const string Width = "Width";
    public const string Height = "Height";
    public const string Dpi = "Dpi";

    /// <summary>Only reported when the vertical density differs from the horizontal one.</summary>
    public const string DpiVertical = "DpiVertical";

    public const string Quality = "Quality";
    public const string Colorfulness = "Colorfulness";
    public const string BackgroundBrightness = "BackgroundBrightness";
    public const string BackgroundCast = "BackgroundCast";
    public const string BackgroundSpread = "BackgroundSpread";
    public const string BorderStep = "BorderStep";
    public const string Brightness = "Brightness";
    public const string Contrast = "Contrast";
    public const string Sharpness = "Sharpness";

    /// <summary>How much the hue varies across the central region: low for a drawn or flat-coloured figure.</summary>
    public const string ToneRichness = "ToneRichness";

    // Face geometry (Photos/Faces/FaceGeometry), in pixels of the file.

    /// <summary>Cheek to cheek at the level of the ears.</summary>
    public const string FaceWidth = "FaceWidth";

    /// <summary>Rows of background above the top of the hair.</summary>
    public const string HeadTop = "HeadTop";

    /// <summary>Distance of the midpoint of the eyes from the left edge.</summary>
    public const string EyesX = "EyesX";

    /// <summary>Distance of the eye line (the mean height of the eye centres) above the bottom edge.</summary>
    public const string EyeLine = "EyeLine";
}

/// <summary>
/// The units of the <see cref="Measurement"/>s, in the words a clerk reads (the measurements are shown on the photo
/// page). Photos measured before the units were Chinese stored English names; <see cref="ForDisplay"/> reads both.
/// </summary>
public static class PhotoUnits
{
    public const string Bytes = "字节";
    public const string Pixels = "像素";
    public const string Dpi = "dpi";

    /// <summary>The estimated JPEG quality has no unit (the label says what it is).</summary>
    public const string Quality = "";

    /// <summary>Brightness levels, 0 (black) to 255 (white).</summary>
    public const string Brightness = "亮度";

    /// <summary>Difference between the red, green and blue means.</summary>
    public const string ColourDifference = "色差";

    public const string Sharpness = "清晰度";

    /// <summary>Percent of the central region's blocks outside its most common hues.</summary>
    public const string Percent = "%";

    /// <summary>A stored measurement as the photo page shows it: file sizes in KB, every unit in Chinese.</summary>
    public static (double Value, double? Min, double? Max, string Unit) ForDisplay(Measurement m) => m.Unit switch
    {
        Bytes or "bytes" => (m.Value / 1024, m.Min / 1024, m.Max / 1024, "KB"),
        Pixels or "px" => (m.Value, m.Min, m.Max, Pixels),
        "luma" => (m.Value, m.Min, m.Max, Brightness),
        "rgb" => (m.Value, m.Min, m.Max, ColourDifference),
        "laplacian variance" => (m.Value, m.Min, m.Max, Sharpness),
        "quality" => (m.Value, m.Min, m.Max, Quality),
        _ => (m.Value, m.Min, m.Max, m.Unit),
    };
}
