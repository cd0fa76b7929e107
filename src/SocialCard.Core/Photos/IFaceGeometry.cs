using SocialCard.Core.Validation;

namespace SocialCard.Core.Photos;

/// <summary>A rectangle in image pixels (x to the right, y down).</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;

    /// <summary>The part inside a <paramref name="width"/> × <paramref name="height"/> image (empty when none).</summary>
    public PixelRect ClipTo(int width, int height)
    {
        var x0 = Math.Clamp(X, 0, width);
        var y0 = Math.Clamp(Y, 0, height);
        var x1 = Math.Clamp(Right, x0, width);
        var y1 = Math.Clamp(Bottom, y0, height);
        return new PixelRect(x0, y0, x1 - x0, y1 - y0);
    }
}

/// <summary>A point in image pixels, continuous: pixel (i, j) covers [i, i + 1) × [j, j + 1), its centre is (i + 0.5, j + 0.5).</summary>
public readonly record struct PixelPoint(double X, double Y);

/// <summary>
/// A decoded photo as the inspector and its plug-ins see it: RGB, 3 bytes per pixel, rows top-down. When a large
/// original was decoded with DCT scaling, <see cref="ScaleDenominator"/> says how much smaller it is than the file.
/// </summary>
public readonly ref struct RgbImageView(ReadOnlySpan<byte> pixels, int width, int height, int scaleDenominator = 1)
{
    public ReadOnlySpan<byte> Pixels { get; } = pixels;

    public int Width { get; } = width;

    public int Height { get; } = height;

    public int Stride => Width * 3;

    public int ScaleDenominator { get; } = scaleDenominator;
}

/// <summary>
/// The seam for face and eye geometry (PHOTO_NO_FACE, PHOTO_MANY_FACES, PHOTO_FACE_WIDTH, PHOTO_HEAD_TOP,
/// PHOTO_EYES_X, PHOTO_EYE_LINE). <see cref="PhotoInspector"/> calls it once per readable colour photo, before its
/// own pixel checks, and adds the returned measurements and findings to its result. Implementations must be
/// thread-safe and must not keep the view.
/// </summary>
public interface IFaceGeometry
{
    FaceGeometryResult Measure(RgbImageView image, PhotoSpec spec);
}

/// <summary>
/// What face geometry found. <see cref="Face"/> (cheeks, brows to chin), when given, becomes the region of the
/// exposure, sharpness and colour checks; <see cref="Head"/> (including hair), when given, lets the background check
/// also sample the band above the head. Coordinates are in the pixels of the view that was measured.
/// </summary>
public sealed record FaceGeometryResult(
    IReadOnlyList<Measurement> Measurements,
    IReadOnlyList<Finding> Findings,
    PixelRect? Face = null,
    PixelRect? Head = null)
{
    public static FaceGeometryResult None { get; } = new([], []);
}
