namespace SocialCard.Core.Photos;

/// <summary>
/// What a card photo must be (docs/DOMAIN.md §6, MOHRSS 2011) and the thresholds of the pixel checks. Every value is a
/// per-deployment setting; the defaults are the national specification, and for the pixel checks values
/// calibrated on generated portraits (docs/PHOTOS.md) that err towards warning a person rather than passing.
/// </summary>
public sealed record PhotoSpec
{
    public static PhotoSpec Default { get; } = new();

    public int Width { get; init; } = 358;

    public int Height { get; init; } = 441;

    public int Dpi { get; init; } = 350;

    /// <summary>
    /// Allowed distance from <see cref="Dpi"/>. 1 by default because a dots-per-centimetre file cannot say 350 dpi
    /// exactly: its closest value, 138 dots/cm, is 350.5 dpi.
    /// </summary>
    public double DpiTolerance { get; init; } = 1;

    public int MinBytes { get; init; } = 14 * 1024;

    public int MaxBytes { get; init; } = 40 * 1024;

    public int TargetQuality { get; init; } = 70;

    /// <summary>PHOTO_QUALITY warns when the estimated quality is further than this from <see cref="TargetQuality"/>.</summary>
    public int QualityTolerance { get; init; } = 15;

    /// <summary>Larger headers are refused before decoding (decompression bombs). Also bounds work on camera originals.</summary>
    public long MaxPixels { get; init; } = 50_000_000;

    /// <summary>Mean luma (0–255) of the background bands; white paper under studio light is 230–250.</summary>
    public double MinBackgroundBrightness { get; init; } = 205;

    /// <summary>Colour cast of the background: spread between the mean R, G and B (0 for neutral white or grey).</summary>
    public double MaxBackgroundCast { get; init; } = 14;

    /// <summary>Standard deviation of the background's luma: shadows, gradients, objects or a pattern raise it.</summary>
    public double MaxBackgroundSpread { get; init; } = 16;

    /// <summary>Luma difference between the outermost pixels and the background just inside them: a frame or border.</summary>
    public double MaxBorderStep { get; init; } = 30;

    /// <summary>Mean luma of the central region (the face, or the middle of the photo without face geometry).</summary>
    public double MinBrightness { get; init; } = 80;

    public double MaxBrightness { get; init; } = 215;

    /// <summary>5th-to-95th percentile luma range of the central region.</summary>
    public double MinContrast { get; init; } = 60;

    /// <summary>Variance of the 4-neighbour Laplacian of the central region's luma.</summary>
    public double MinSharpness { get; init; } = 40;

    /// <summary>Mean chroma (max − min of R, G, B) of the central region; below it a colour file holds a black-and-white photo.</summary>
    public double MinColorfulness { get; init; } = 4;

    /// <summary>
    /// Tone richness of the central region (percent of 4 × 4 blocks outside its four most common hues, see
    /// ToneRichness); below it the picture looks drawn or flat-coloured, not photographed (人像清晰，层次丰富), and a
    /// person should look. Real portraits measure about 80, drawn figures 0–30.
    /// </summary>
    public double MinToneRichness { get; init; } = 50;

    /// <summary>Face width (cheek to cheek at the ears), in pixels of a <see cref="Width"/> × <see cref="Height"/> photo.</summary>
    public int MinFaceWidth { get; init; } = 179;

    public int MaxFaceWidth { get; init; } = 255;

    /// <summary>Rows of background above the top of the hair (PHOTO_HEAD_TOP, a warning: the eye line wins).</summary>
    public int MinHeadTop { get; init; } = 7;

    public int MaxHeadTop { get; init; } = 21;

    /// <summary>Distance of the midpoint of the eyes from the left edge.</summary>
    public int MinEyesX { get; init; } = 162;

    public int MaxEyesX { get; init; } = 196;

    /// <summary>Least distance of the eye line above the bottom edge.</summary>
    public int MinEyeLine { get; init; } = 207;

    /// <summary>Throws <see cref="ArgumentException"/> when a deployment's settings cannot work.</summary>
    public void Validate()
    {
        Require(Width > 0 && Height > 0, "Width and Height must be positive.");
        Require(Dpi > 0 && DpiTolerance >= 0, "Dpi must be positive and DpiTolerance not negative.");
        Require(MinBytes >= 0 && MaxBytes >= MinBytes, "Need 0 <= MinBytes <= MaxBytes.");
        Require(TargetQuality is >= 1 and <= 100 && QualityTolerance >= 0, "TargetQuality 1–100, QualityTolerance not negative.");
        Require(MaxPixels >= (long)Width * Height, "MaxPixels must allow the specified size.");
        Require(MinBrightness <= MaxBrightness, "MinBrightness must not exceed MaxBrightness.");
        Require(MinFaceWidth > 0 && MinFaceWidth <= MaxFaceWidth && MaxFaceWidth <= Width, "Need 0 < MinFaceWidth <= MaxFaceWidth <= Width.");
        Require(MinHeadTop >= 0 && MinHeadTop <= MaxHeadTop && MaxHeadTop < Height, "Need 0 <= MinHeadTop <= MaxHeadTop < Height.");
        Require(MinEyesX >= 0 && MinEyesX <= MaxEyesX && MaxEyesX <= Width, "Need 0 <= MinEyesX <= MaxEyesX <= Width.");
        Require(MinEyeLine >= 0 && MinEyeLine <= Height, "Need 0 <= MinEyeLine <= Height.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
