using SocialCard.Core.Validation;

namespace SocialCard.Core.Photos.Faces;

/// <summary>
/// Where the face is, in the pixels of the analysed image (continuous coordinates, see <see cref="PixelPoint"/>).
/// <see cref="LeftEye"/> is the one on the image's left. When <see cref="EyesFound"/> is false an eye cascade did
/// not find both eyes and their positions are estimates from the face box.
/// </summary>
public sealed record FaceLandmarks(
    PixelRect FaceBox,
    PixelPoint LeftEye,
    PixelPoint RightEye,
    bool EyesFound,
    double FaceWidth,
    int HeadTop,
    PixelRect Head)
{
    public PixelPoint EyeMidpoint => new((LeftEye.X + RightEye.X) / 2, (LeftEye.Y + RightEye.Y) / 2);

    public double EyeDistance => Math.Sqrt(Math.Pow(RightEye.X - LeftEye.X, 2) + Math.Pow(RightEye.Y - LeftEye.Y, 2));
}

/// <summary>
/// What the face search found: every plausible face box, and the landmarks of the face when there is exactly one.
/// </summary>
public sealed record FaceAnalysis(IReadOnlyList<PixelRect> Faces, FaceLandmarks? Landmarks);

/// <summary>
/// Face and eye geometry of a card photo (docs/DOMAIN.md §6, docs/RULES.md "Photos"; method and limits: docs/PHOTOS.md):
/// Viola–Jones face and eye detection with OpenCV's cascades, eye centres refined on the dark iris, face width
/// from the skin extent at ear level, head top from the first non-background row. Where the face cascade finds no
/// face, or the eye cascades no eyes, a landmark model (<see cref="IFaceLandmarker"/>, BlazeFace in production) gives
/// a second opinion. Stateless and thread-safe.
/// </summary>
public sealed class FaceGeometry(FaceCascades cascades, IFaceLandmarker? landmarker = null) : IFaceGeometry
{
    /// <summary>A value this close to a limit (in pixels of a spec-sized photo), either side, sends the photo to a person.</summary>
    public const double Margin = 4;

    /// <summary>Face width is the least exact measurement (the ear roots are not visible as such): a wider margin.</summary>
    public const double FaceWidthMargin = 8;

    // Face boxes searched, as a fraction of the image's shorter side: a spec-sized photo holds a head of about two
    // thirds of the width (face box ≈ 190–275 px of 358), so a third already means a failing photo; other photos
    // (camera originals, scans) may frame the person more loosely.
    private const double MinFaceFraction = 0.3;
    private const double MinFaceFractionLoose = 0.15;

    // A second face counts when it is at least half as wide as the largest: smaller hits are patterns in clothes.
    private const double OtherFaceFraction = 0.5;

    // Views larger than this are left alone: only a panorama-shaped file that DCT scaling cannot shrink gets here,
    // and scanning it would take seconds for a photo that fails PHOTO_DIMENSIONS anyway.
    private const long MaxPixels = 4_000_000;

    // A landmark model's face counts from this confidence; its eyes stand in for the eye cascades' only inside the face box.
    private const double MinLandmarkScore = 0.75;

    // Where the frontal-face cascade's box puts the eyes on average (see FindEyes): the box a landmark model's eyes imply.
    private const double BoxEyeLeft = 0.28;
    private const double BoxEyeRight = 0.72;
    private const double BoxEyeDown = 0.36;

    private readonly FaceCascades cascades = cascades ?? throw new ArgumentNullException(nameof(cascades));

    public FaceGeometryResult Measure(RgbImageView image, PhotoSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if ((long)image.Width * image.Height > MaxPixels)
        {
            return FaceGeometryResult.None;
        }

        var scale = Math.Max(1, image.ScaleDenominator);
        var specSized = scale == 1 && image.Width == spec.Width && image.Height == spec.Height;
        var analysis = Analyze(image, specSized ? MinFaceFraction : MinFaceFractionLoose);
        if (analysis.Faces.Count == 0)
        {
            return new FaceGeometryResult([], [Error(RuleCodes.PhotoNoFace, PhotoMessages.NoFace)]);
        }

        if (analysis.Landmarks is not { } face)
        {
            return new FaceGeometryResult([], [Error(RuleCodes.PhotoManyFaces, PhotoMessages.ManyFaces(analysis.Faces.Count))]);
        }

        // Limits are defined on the spec-sized frame; another size gets PHOTO_DIMENSIONS, and its geometry is
        // reported in file pixels without limits (the photo must be cropped and scaled first).
        var eyes = face.EyeMidpoint;
        var measurements = new List<Measurement>(4);
        var findings = new List<Finding>(2);
        var note = face.EyesFound ? string.Empty : PhotoMessages.EyesEstimated;
        Check(PhotoMeasures.FaceWidth, face.FaceWidth * scale, spec.MinFaceWidth, spec.MaxFaceWidth, FaceWidthMargin, false,
            v => Error(RuleCodes.PhotoFaceWidth, PhotoMessages.FaceWidth(v, spec)));
        Check(PhotoMeasures.HeadTop, face.HeadTop * scale, spec.MinHeadTop, spec.MaxHeadTop, Margin, false,
            v => Warning(RuleCodes.PhotoHeadTop, PhotoMessages.HeadTop(v, spec)));
        Check(PhotoMeasures.EyesX, eyes.X * scale, spec.MinEyesX, spec.MaxEyesX, Margin, !face.EyesFound,
            v => Error(RuleCodes.PhotoEyesX, PhotoMessages.EyesX(v, spec) + note));
        Check(PhotoMeasures.EyeLine, (image.Height - eyes.Y) * scale, spec.MinEyeLine, null, Margin, !face.EyesFound,
            v => Error(RuleCodes.PhotoEyeLine, PhotoMessages.EyeLine(v, spec) + note));

        // The region of the exposure checks: the face box without its sides, which often show hair or background.
        var box = face.FaceBox;
        var inset = box.Width / 8;
        return new FaceGeometryResult(measurements, findings, new PixelRect(box.X + inset, box.Y, box.Width - (2 * inset), box.Height), face.Head);

        void Check(string name, double value, double min, double? max, double margin, bool estimated, Func<double, Finding> finding)
        {
            value = Math.Round(value, 1);
            if (!specSized)
            {
                measurements.Add(new Measurement(name, value, PhotoUnits.Pixels, null, null, estimated));
                return;
            }

            var measurement = Measurement.Create(name, value, PhotoUnits.Pixels, min, max, margin);
            measurements.Add(estimated ? measurement with { NearLimit = true } : measurement);
            if (!measurement.IsWithinLimits)
            {
                findings.Add(finding(value));
            }
        }
    }

    /// <summary>
    /// Finds the faces of a photo and, when there is exactly one, its landmarks; coordinates are in the pixels of
    /// <paramref name="image"/>. <paramref name="minFaceFraction"/>: the smallest face box searched, as a fraction
    /// of the shorter side.
    /// </summary>
    public FaceAnalysis Analyze(RgbImageView image, double minFaceFraction = MinFaceFraction)
    {
        var side = Math.Min(image.Width, image.Height);
        if (side < cascades.Face.WindowWidth * 2)
        {
            return new FaceAnalysis([], null);
        }

        using var luma = LumaImage.From(image);
        var whole = new PixelRect(0, 0, image.Width, image.Height);
        var minFace = Math.Max(cascades.Face.WindowWidth, side * minFaceFraction);
        var detections = HaarDetector.Detect(cascades.Face, luma, whole, minFace, side, minNeighbors: 3);
        if (detections.Count == 0)
        {
            return SecondOpinion(image, minFace) ?? new FaceAnalysis([], null);
        }

        var largest = detections.MaxBy(d => d.Box.Width).Box;
        var faces = detections.Where(d => d.Box.Width >= largest.Width * OtherFaceFraction).Select(d => d.Box).OrderBy(b => b.X).ToList();
        if (faces.Count > 1)
        {
            return new FaceAnalysis(faces, null);
        }

        var (left, right, found) = FindEyes(luma, largest);
        if (!found && landmarker is not null && LandmarkEyes(image, largest) is { } eyes)
        {
            (left, right, found) = (eyes.LeftEye, eyes.RightEye, true);
        }

        var width = FaceWidths.Measure(image, largest, left, right);
        var top = HeadTops.Find(image, largest);
        var head = new PixelRect(largest.X, top, largest.Width, largest.Bottom - top);
        return new FaceAnalysis(faces, new FaceLandmarks(largest, left, right, found, width, top, head));
    }

    /// <summary>
    /// The landmark model's faces where the cascade found none: faces whose implied cascade box is at least
    /// <paramref name="minFace"/> wide; one gives landmarks measured as for the cascade's face (its eyes, the skin
    /// extent, the head top), several are several faces. Null without a model or when it finds none either.
    /// </summary>
    private FaceAnalysis? SecondOpinion(RgbImageView image, double minFace)
    {
        if (landmarker is null)
        {
            return null;
        }

        var boxes = landmarker.Detect(image).Where(f => f.Score >= MinLandmarkScore).Select(f => (Face: f, Box: ImpliedBox(f))).Where(f => f.Box.Width >= minFace).ToList();
        if (boxes.Count == 0)
        {
            return null;
        }

        var largest = boxes.MaxBy(f => f.Box.Width);
        var faces = boxes.Where(f => f.Box.Width >= largest.Box.Width * OtherFaceFraction).Select(f => f.Box).OrderBy(b => b.X).ToList();
        if (faces.Count > 1)
        {
            return new FaceAnalysis(faces, null);
        }

        var (box, left, right) = (largest.Box, largest.Face.LeftEye, largest.Face.RightEye);
        var width = FaceWidths.Measure(image, box, left, right);
        var top = HeadTops.Find(image, box);
        return new FaceAnalysis(faces, new FaceLandmarks(box, left, right, true, width, top, new PixelRect(box.X, top, box.Width, box.Bottom - top)));
    }

    /// <summary>The landmark model's eyes of the face whose eye midpoint lies in the cascade's face box, if any.</summary>
    private FaceKeypoints? LandmarkEyes(RgbImageView image, PixelRect face) =>
        landmarker!.Detect(image).FirstOrDefault(f =>
        {
            var x = (f.LeftEye.X + f.RightEye.X) / 2;
            var y = (f.LeftEye.Y + f.RightEye.Y) / 2;
            return f.Score >= MinLandmarkScore && x >= face.X && x < face.Right && y >= face.Y && y < face.Bottom;
        });

    /// <summary>The square box the frontal-face cascade would give a face with these eyes.</summary>
    private static PixelRect ImpliedBox(FaceKeypoints face)
    {
        var size = Math.Max(1, (face.RightEye.X - face.LeftEye.X) / (BoxEyeRight - BoxEyeLeft));
        var eyeY = (face.LeftEye.Y + face.RightEye.Y) / 2;
        return new PixelRect((int)Math.Round(face.LeftEye.X - (BoxEyeLeft * size)), (int)Math.Round(eyeY - (BoxEyeDown * size)), (int)Math.Round(size), (int)Math.Round(size));
    }

    /// <summary>
    /// Each eye in its half of the upper face box (eye boxes 20–36 % of the face box wide), first with the plain eye
    /// cascade, then with the one that also knows glasses; the centre is then refined on the iris. Two eyes that do
    /// not make a pair (30–70 % of the face box apart, the line between them tilted less than 15°) are not trusted.
    /// Where an eye is not found it is placed where the face box puts eyes on average (measured on the frontal-face
    /// cascade: 28 % and 72 % across, 36 % down) and <c>found</c> is false.
    /// </summary>
    private (PixelPoint Left, PixelPoint Right, bool Found) FindEyes(LumaImage luma, PixelRect face)
    {
        var left = FindEye(luma, face, 0);
        var right = FindEye(luma, face, 1);
        if (left is { } l && right is { } r)
        {
            var dx = r.X - l.X;
            if (dx < 0.3 * face.Width || dx > 0.7 * face.Width || Math.Abs(r.Y - l.Y) > 0.27 * dx)
            {
                (left, right) = (null, null);
            }
        }

        var estimatedY = face.Y + (BoxEyeDown * face.Height);
        return (left ?? new PixelPoint(face.X + (BoxEyeLeft * face.Width), right?.Y ?? estimatedY),
            right ?? new PixelPoint(face.X + (BoxEyeRight * face.Width), left?.Y ?? estimatedY),
            left is not null && right is not null);
    }

    private PixelPoint? FindEye(LumaImage luma, PixelRect face, int side)
    {
        var region = new PixelRect(
            face.X + (side * face.Width * 45 / 100), face.Y + (face.Height * 15 / 100), face.Width * 55 / 100, face.Height * 40 / 100);
        foreach (var cascade in new[] { cascades.Eye, cascades.EyeWithGlasses })
        {
            var eyes = HaarDetector.Detect(cascade, luma, region, face.Width * 0.20, face.Width * 0.36, minNeighbors: 2);
            if (eyes.Count > 0)
            {
                return EyeCentre.Refine(luma, eyes[0].Box);
            }
        }

        return null;
    }

    private static Finding Error(string code, string message) => new(code, Severity.Error, PhotoInspection.Field, message);

    private static Finding Warning(string code, string message) => new(code, Severity.Warning, PhotoInspection.Field, message);
}
