namespace SocialCard.Core.Photos.Fixing;

/// <summary>The edges of an image.</summary>
[Flags]
public enum ImageEdges
{
    None = 0,
    Left = 1,
    Top = 2,
    Right = 4,
    Bottom = 8,
    All = Left | Top | Right | Bottom,
}

/// <summary>
/// Where the person is in the original, in file pixels (continuous coordinates): the eye midpoint, the face width,
/// the first row of hair (null when the hair reaches the top edge, so its top is unknown) and the head's extent
/// across (hair included) from the top of the hair down to a little below the eyes.
/// </summary>
public sealed record SourceFace(PixelPoint Eyes, double FaceWidth, double? HairTop, double HeadLeft, double HeadRight)
{
    public double HeadWidth => HeadRight - HeadLeft;

    /// <summary>The same face seen in an image <paramref name="factor"/> times larger.</summary>
    public SourceFace Scale(double factor) => new(
        new PixelPoint(Eyes.X * factor, Eyes.Y * factor), FaceWidth * factor, HairTop * factor, HeadLeft * factor, HeadRight * factor);
}

/// <summary>
/// A framing of the output: <see cref="Scale"/> output pixels per original pixel, the eye midpoint at
/// (<see cref="EyesX"/>, <see cref="EyesY"/>) of the output, and the <see cref="Crop"/> of the original that gives
/// it (it may reach outside the original on the <see cref="Padded"/> edges, which are white there).
/// </summary>
public sealed record FramingPlan(double Scale, double EyesX, double EyesY, CropRect Crop, ImageEdges Padded);

/// <summary>
/// Chooses scale and crop so that the photo meets the geometry of docs/DOMAIN.md §6 with room to spare (measurements
/// are a few pixels uncertain, and a value near a limit sends the photo to a person):
/// <list type="bullet">
/// <item>face width: the middle of the allowed range (217 px of 179–255), smaller only when the hair would otherwise
/// reach the background bands at the sides (the inspector's background check reads the outer 4 %); at least
/// <see cref="FaceWidthRoom"/> px inside the range;</item>
/// <item>eye midpoint: the middle of the allowed range across (179 of 162–196), moved by at most the room the range
/// leaves (<see cref="EyesRoom"/> px inside it) to centre a lopsided hairstyle or to stay inside the original;</item>
/// <item>eye line: 13 px above its minimum (220 of ≥ 207), moved within 213–240 so that the hair starts about
/// 14 px below the top edge (the middle of 7–21); to stay inside the original it may go up to
/// <see cref="MaxEyeLineFraction"/> of the height (the head top then only warns: the eye line wins).</item>
/// </list>
/// When the target framing reaches outside the original it is kept if the background at each edge it crosses is
/// white (that edge is padded); otherwise the eyes are moved within their ranges and the scale raised (up to the
/// largest face width allowed, and at most <see cref="PhotoFixer.MaxUpscale"/>) until the crop fits. Pure arithmetic.
/// </summary>
public sealed class FramingPlanner(PhotoSpec spec)
{
    public const double FaceWidthRoom = 10;
    public const double EyesRoom = 6;
    public const double EyeLineRoom = 6;
    public const double TargetEyeLineAboveMinimum = 13;
    public const double MaxHeadTopEyeLineAboveMinimum = 33;
    public const double MaxEyeLineFraction = 0.62;

    /// <summary>Hair stays this many pixels inside the inspector's side bands (4 % of the width).</summary>
    public const double BandClearance = 4;

    private readonly PhotoSpec spec = spec ?? throw new ArgumentNullException(nameof(spec));

    public double TargetFaceWidth => (spec.MinFaceWidth + spec.MaxFaceWidth) / 2.0;

    /// <summary>The framing wanted before the edges of the original are considered.</summary>
    public FramingPlan Desired(SourceFace face)
    {
        var s = PreferredScale(face);
        var (x, y) = Targets(face, s);
        return Make(face, s, x, y, ImageEdges.None);
    }

    /// <summary>
    /// The framing for an original of <paramref name="width"/> × <paramref name="height"/> file pixels, padding only on
    /// <paramref name="paddable"/> edges; null when no framing fits (<paramref name="blocking"/>: the edges in the way).
    /// </summary>
    public FramingPlan? Plan(SourceFace face, int width, int height, ImageEdges paddable, out ImageEdges blocking)
    {
        var desired = Desired(face);
        var outside = Outside(desired.Crop, width, height);
        blocking = outside & ~paddable;
        if (blocking == ImageEdges.None)
        {
            return desired with { Padded = outside };
        }

        double minX = spec.MinEyesX + EyesRoom, maxX = spec.MaxEyesX - EyesRoom;
        double minY = spec.Height - (spec.Height * MaxEyeLineFraction), maxY = spec.Height - (spec.MinEyeLine + EyeLineRoom);
        var maxScale = Math.Max(desired.Scale, Math.Min((spec.MaxFaceWidth - FaceWidthRoom) / face.FaceWidth, PhotoFixer.MaxUpscale));
        for (var s = desired.Scale; ; s = Math.Min(s * 1.01, maxScale))
        {
            // Each edge that may not be crossed bounds where the eyes can go at this scale.
            double x0 = minX, x1 = maxX, y0 = minY, y1 = maxY;
            if (!paddable.HasFlag(ImageEdges.Left))
            {
                x1 = Math.Min(x1, face.Eyes.X * s);
            }

            if (!paddable.HasFlag(ImageEdges.Right))
            {
                x0 = Math.Max(x0, spec.Width - ((width - face.Eyes.X) * s));
            }

            if (!paddable.HasFlag(ImageEdges.Top))
            {
                y1 = Math.Min(y1, face.Eyes.Y * s);
            }

            if (!paddable.HasFlag(ImageEdges.Bottom))
            {
                y0 = Math.Max(y0, spec.Height - ((height - face.Eyes.Y) * s));
            }

            if (x0 <= x1 && y0 <= y1)
            {
                var (x, y) = Targets(face, s);
                var plan = Make(face, s, Math.Clamp(x, x0, x1), Math.Clamp(y, y0, y1), ImageEdges.None);
                blocking = ImageEdges.None;
                return plan with { Padded = Outside(plan.Crop, width, height) };
            }

            if (s >= maxScale)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>The edges of a <paramref name="width"/> × <paramref name="height"/> image that the crop reaches beyond (by more than 0.01 px).</summary>
    public static ImageEdges Outside(CropRect crop, int width, int height)
    {
        const double slack = 0.01;
        var edges = ImageEdges.None;
        edges |= crop.X < -slack ? ImageEdges.Left : ImageEdges.None;
        edges |= crop.Y < -slack ? ImageEdges.Top : ImageEdges.None;
        edges |= crop.Right > width + slack ? ImageEdges.Right : ImageEdges.None;
        edges |= crop.Bottom > height + slack ? ImageEdges.Bottom : ImageEdges.None;
        return edges;
    }

    /// <summary>The target face width, less when the head (hair included) would not fit between the side bands.</summary>
    private double PreferredScale(SourceFace face)
    {
        var s = TargetFaceWidth / face.FaceWidth;
        var room = spec.Width - (2 * SideClearance);
        if (face.HeadWidth * s > room)
        {
            s = Math.Max(room / face.HeadWidth, (spec.MinFaceWidth + FaceWidthRoom) / face.FaceWidth);
        }

        return s;
    }

    private double SideClearance => Math.Round(spec.Width * 0.04) + BandClearance;

    /// <summary>Where the eyes should go at scale <paramref name="s"/>: centred, unless the head is lopsided; the hair 14 px below the top.</summary>
    private (double X, double Y) Targets(SourceFace face, double s)
    {
        double minX = spec.MinEyesX + EyesRoom, maxX = spec.MaxEyesX - EyesRoom;
        var x = (spec.MinEyesX + spec.MaxEyesX) / 2.0;

        // The eyes at x put the head's sides at x − (eyes − left)·s and x + (right − eyes)·s: keep both clear of the bands.
        var headLow = SideClearance + ((face.Eyes.X - face.HeadLeft) * s);
        var headHigh = spec.Width - SideClearance - ((face.HeadRight - face.Eyes.X) * s);
        x = headLow <= headHigh ? Math.Clamp(x, headLow, headHigh) : (headLow + headHigh) / 2;
        x = Math.Clamp(x, minX, maxX);

        var y = spec.Height - (spec.MinEyeLine + TargetEyeLineAboveMinimum);
        if (face.HairTop is { } hair)
        {
            var headTop = (spec.MinHeadTop + spec.MaxHeadTop) / 2.0;
            y = Math.Clamp(
                headTop + ((face.Eyes.Y - hair) * s),
                spec.Height - (spec.MinEyeLine + MaxHeadTopEyeLineAboveMinimum),
                spec.Height - (spec.MinEyeLine + EyeLineRoom));
        }

        return (x, y);
    }

    private FramingPlan Make(SourceFace face, double s, double x, double y, ImageEdges padded) =>
        new(s, x, y, new CropRect(face.Eyes.X - (x / s), face.Eyes.Y - (y / s), spec.Width / s, spec.Height / s), padded);
}
