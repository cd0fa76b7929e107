using System.Buffers;
using SocialCard.Core.Photos.Faces;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Photos.Fixing;

/// <summary>
/// Makes a card photo (docs/DOMAIN.md §6) out of a larger or misframed portrait: a camera photo, a scan, a photo of the
/// right size with the wrong dpi, file size or framing. Method and limits: docs/PHOTOS.md, "Fixing".
/// Stateless and thread-safe; create one at start-up (it holds the cascades) and share it.
/// </summary>
/// <remarks>
/// Order of work: a photo of the specified size is inspected first — acceptable photos are left alone, a wrong
/// density alone is patched in the JFIF header (no re-encoding), a wrong file size or quality alone is re-encoded.
/// Everything else is reframed: decoded with DCT scaling, the face and eyes found, scale and crop chosen
/// (<see cref="FramingPlanner"/>), decoded again at the DCT scale that keeps at least the output's resolution,
/// resampled (<see cref="Resampler"/>), measured once more and corrected if the first framing missed its targets,
/// checked for a white background, encoded at the specified quality (searched when the file size misses the range)
/// with the specified dpi. The result is always inspected (with face geometry): a fix that fails its own inspection
/// is reported as not fixed, with the findings.
/// </remarks>
public sealed class PhotoFixer
{
    /// <summary>
    /// The most a face is enlarged. With the target face width of 217 px a face must be at least about 121 px wide in
    /// the original; smaller faces give a soft photo that still looks acceptable at a glance (refused instead).
    /// </summary>
    public const double MaxUpscale = 1.8;

    /// <summary>The quality search range when the file size at the specified quality is out of range.</summary>
    public const int MinQuality = 40;

    public const int MaxQuality = 95;

    // Faces are searched from boxes of this many original pixels (at least the cascade's 24 × 24 window in the
    // decoded view), a little below what MaxUpscale allows, so a too small face is reported as such, not as no face.
    private const double SmallestFaceBox = 100;

    // Eyes are looked for in boxes of 20–36 % of the face box, with a 20 px cascade window: a face box under this
    // size in the analysis view is looked at again in a finer decode.
    private const int FaceBoxForEyes = 110;

    // A refined framing is made when the first result's eyes are further than this from their targets (output
    // pixels), or its face width further than this fraction from its target.
    private const double RefineEyeTolerance = 2;
    private const double RefineFaceTolerance = 0.03;

    // The inspector marks a file size within 1 KB of a bound as near its limit; the quality may move this far from
    // the specified one to avoid that (the inspector warns only beyond ±15).
    private const int ComfortBytes = 1024;
    private const int ComfortQualityRange = 8;

    private readonly IJpegCodec codec;
    private readonly FaceGeometry geometry;
    private readonly FramingPlanner planner;

    public PhotoFixer(IJpegCodec codec, FaceGeometry geometry, PhotoSpec? spec = null)
        : this(codec, geometry, new PhotoInspector(codec, spec ?? PhotoSpec.Default, geometry))
    {
    }

    /// <summary>A fixer that shares the codec, the face geometry and the inspector an application built once.</summary>
    public PhotoFixer(IJpegCodec codec, FaceGeometry geometry, PhotoInspector inspector)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(inspector);
        this.codec = codec;
        this.geometry = geometry;
        Inspector = inspector;
        planner = new FramingPlanner(inspector.Spec);
    }

    public PhotoSpec Spec => Inspector.Spec;

    /// <summary>The inspector (with face geometry) every result goes through.</summary>
    public PhotoInspector Inspector { get; }

    /// <summary>
    /// Fixes one photo. The original is only read. Problems with the photo give a result with <see cref="PhotoFixResult.Refusal"/>;
    /// only a broken installation (<see cref="JpegLibraryMissingException"/>) or a bug throws.
    /// </summary>
    public PhotoFixResult Fix(ReadOnlySpan<byte> original)
    {
        var spec = Spec;
        JpegHeader header;
        try
        {
            header = original.IsEmpty || !JpegSegmentReader.StartsWithSoi(original) ? default : codec.ReadUprightHeader(original);
        }
        catch (JpegDataException)
        {
            header = default;
        }

        // Unreadable and oversized files: the inspector words the reason.
        if (header.Width == 0 || header.PixelCount > spec.MaxPixels)
        {
            var inspection = Inspector.Inspect(original);
            return Refuse(PhotoFixProblem.Unreadable, PhotoFixMessages.Findings(inspection.Findings), inspection);
        }

        if (header.Width == spec.Width && header.Height == spec.Height)
        {
            return FixSpecSized(original);
        }

        if (!header.IsTrueColor)
        {
            return Refuse(PhotoFixProblem.NotColor, PhotoFixMessages.Refused(header.Colorspace == JpegColorspace.Gray ? PhotoMessages.Gray : PhotoMessages.Cmyk(header.Colorspace)));
        }

        return Reframe(original, header);
    }

    private PhotoFixResult FixSpecSized(ReadOnlySpan<byte> original)
    {
        var before = Inspector.Inspect(original);
        if (!before.IsReadable)
        {
            return Refuse(PhotoFixProblem.Unreadable, PhotoFixMessages.Findings(before.Findings), before);
        }

        var errors = before.Findings.Where(f => f.Severity == Severity.Error).ToList();
        var quality = before.Has(RuleCodes.PhotoQuality);

        // Stored turned, shown upright through its Exif tag (the inspector's PHOTO_DIMENSIONS): the card maker reads the
        // pixels, not the tag, so an otherwise acceptable photo is re-encoded upright (the encoder writes no Exif segment).
        var turned = ExifOrientation.Read(original) != ExifOrientation.Upright;
        if (turned && errors.All(f => f.Code is RuleCodes.PhotoDpi or RuleCodes.PhotoFileSize or RuleCodes.PhotoDimensions))
        {
            using var upright = codec.DecodeUpright(original);
            return Encode(upright.Pixels, PhotoFixAction.Reencode, null);
        }

        if (errors.Count == 0 && !quality)
        {
            return new PhotoFixResult { Fixed = true, Bytes = original.ToArray(), Inspection = before, Action = PhotoFixAction.None };
        }

        // Problems that no crop or re-encoding can solve: refused with the inspector's own words.
        var unfixable = errors.Where(f => f.Code is not (RuleCodes.PhotoDpi or RuleCodes.PhotoFileSize or RuleCodes.PhotoDimensions or RuleCodes.PhotoFaceWidth
            or RuleCodes.PhotoEyesX or RuleCodes.PhotoEyeLine)).ToList();
        if (unfixable.Count > 0)
        {
            var problem = unfixable[0].Code switch
            {
                RuleCodes.PhotoColor => PhotoFixProblem.NotColor,
                RuleCodes.PhotoBackground => PhotoFixProblem.Background,
                RuleCodes.PhotoNoFace => PhotoFixProblem.NoFace,
                RuleCodes.PhotoManyFaces => PhotoFixProblem.ManyFaces,
                _ => PhotoFixProblem.NotFixable,
            };
            return Refuse(problem, PhotoFixMessages.Findings(unfixable), before);
        }

        if (errors.All(f => f.Code == RuleCodes.PhotoDpi) && !quality)
        {
            var patched = JfifDensity.SetDpi(original.ToArray(), Spec.Dpi);
            return Finish(patched, PhotoFixAction.Density, null, null);
        }

        if (errors.All(f => f.Code is RuleCodes.PhotoDpi or RuleCodes.PhotoFileSize))
        {
            using var image = codec.DecodeUpright(original);
            return Encode(image.Pixels, PhotoFixAction.Reencode, null);
        }

        var header = codec.ReadUprightHeader(original);
        return Reframe(original, header);
    }

    private PhotoFixResult Reframe(ReadOnlySpan<byte> original, JpegHeader header)
    {
        var spec = Spec;
        var analysisScale = JpegScales.Choose(header.Width, header.Height, spec.Width, spec.Height);
        var d = (int)analysisScale;
        DecodedImage coarse;
        try
        {
            coarse = codec.DecodeUpright(original, JpegPixelFormat.Rgb, analysisScale);
        }
        catch (JpegDataException e)
        {
            return Refuse(PhotoFixProblem.Unreadable, PhotoFixMessages.Refused(e.IsWarning ? PhotoMessages.Truncated(e.Message) : PhotoMessages.Corrupt(e.Message)));
        }

        DecodedImage? fine = null;
        var output = ArrayPool<byte>.Shared.Rent(spec.Width * spec.Height * 3);
        try
        {
            var view = new RgbImageView(coarse.Pixels, coarse.Width, coarse.Height, d);
            var side = Math.Min(view.Width, view.Height);
            var analysis = geometry.Analyze(view, Math.Min(0.15, Math.Max(24, SmallestFaceBox / d) / side));
            if (analysis.Faces.Count == 0)
            {
                return Refuse(PhotoFixProblem.NoFace, PhotoFixMessages.Refused(PhotoMessages.NoFace));
            }

            if (analysis.Landmarks is not { } landmarks)
            {
                return Refuse(PhotoFixProblem.ManyFaces, PhotoFixMessages.Refused(PhotoMessages.ManyFaces(analysis.Faces.Count)));
            }

            // A face small in the DCT-scaled view has eyes too small for the eye cascade (its window is 20 px):
            // look again around the face in a finer decode.
            SourceFace face;
            if (landmarks.FaceBox.Width < FaceBoxForEyes && d > 1)
            {
                var closer = CloserLook(original, landmarks.FaceBox, analysisScale, ref fine);
                if (closer is null)
                {
                    return Refuse(PhotoFixProblem.EyesNotFound, PhotoFixMessages.EyesNotFound);
                }

                face = closer;
            }
            else if (!landmarks.EyesFound)
            {
                return Refuse(PhotoFixProblem.EyesNotFound, PhotoFixMessages.EyesNotFound);
            }
            else
            {
                face = Describe(view, landmarks).Scale(d);
            }

            if (planner.TargetFaceWidth / face.FaceWidth > MaxUpscale)
            {
                return Refuse(PhotoFixProblem.FaceTooSmall, PhotoFixMessages.FaceTooSmall(face.FaceWidth, planner.TargetFaceWidth, MaxUpscale));
            }

            var (paddable, padColour) = WhiteEdges(view, planner.Desired(face).Crop.Scale(1.0 / d));
            if (planner.Plan(face, header.Width, header.Height, paddable, out var blocking) is not { } plan)
            {
                return Refuse(PhotoFixProblem.AtEdge, PhotoFixMessages.AtEdge(blocking));
            }

            var pixels = output.AsSpan(0, spec.Width * spec.Height * 3);
            var decodeScale = Render(original, coarse, ref fine, plan, padColour, pixels);

            // Measure the result as the inspector will, and correct the framing once if it missed its targets
            // (the first one came from a view up to eight times smaller than the original).
            var refined = false;
            var check = geometry.Analyze(new RgbImageView(pixels, spec.Width, spec.Height));
            if (check.Landmarks is { EyesFound: true } first && Missed(plan, face, first))
            {
                var measured = Describe(new RgbImageView(pixels, spec.Width, spec.Height), first);
                var corrected = new SourceFace(
                    new PixelPoint(plan.Crop.X + (measured.Eyes.X / plan.Scale), plan.Crop.Y + (measured.Eyes.Y / plan.Scale)),
                    measured.FaceWidth / plan.Scale,
                    measured.HairTop is { } top && top > 0 ? plan.Crop.Y + (top / plan.Scale) : face.HairTop,
                    plan.Crop.X + (measured.HeadLeft / plan.Scale),
                    plan.Crop.X + (measured.HeadRight / plan.Scale));
                if (planner.Plan(corrected, header.Width, header.Height, paddable, out _) is { } better)
                {
                    (plan, face, refined) = (better, corrected, true);
                    decodeScale = Render(original, coarse, ref fine, plan, padColour, pixels);
                }
            }

            var framing = new PhotoFraming(face.Eyes, face.FaceWidth, plan.Scale, plan.Crop, plan.Padded, decodeScale, refined);
            var framed = new RgbImageView(pixels, spec.Width, spec.Height);
            if (BackgroundProblems(framed) is { Count: > 0 } problems)
            {
                return Refuse(PhotoFixProblem.Background, PhotoFixMessages.Refused(PhotoMessages.Background(problems))) with { Framing = framing };
            }

            return Encode(pixels, PhotoFixAction.Reframe, framing);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(output);
            fine?.Dispose();
            coarse.Dispose();
        }
    }

    /// <summary>
    /// Resamples the plan's crop into <paramref name="pixels"/> from the strongest DCT scaling that keeps at least the
    /// output's resolution (so resampling only shrinks, apart from small faces), decoding again when that is not
    /// the analysis scale. Returns the DCT scale used.
    /// </summary>
    private int Render(ReadOnlySpan<byte> original, DecodedImage coarse, ref DecodedImage? fine, FramingPlan plan, (byte, byte, byte) pad, Span<byte> pixels)
    {
        var spec = Spec;
        var scale = JpegScale.Full;
        foreach (var candidate in (ReadOnlySpan<JpegScale>)[JpegScale.Eighth, JpegScale.Quarter, JpegScale.Half])
        {
            if (candidate <= coarse.Scale && plan.Crop.Width / (int)candidate >= spec.Width && plan.Crop.Height / (int)candidate >= spec.Height)
            {
                scale = candidate;
                break;
            }
        }

        var image = coarse;
        if (scale != coarse.Scale)
        {
            if (fine is null || fine.Scale != scale)
            {
                fine?.Dispose();
                fine = null;
                fine = codec.DecodeUpright(original, JpegPixelFormat.Rgb, scale);
            }

            image = fine;
        }

        Resampler.Resample(image.Pixels, image.Width, image.Height, plan.Crop.Scale(1.0 / (int)scale), pixels, spec.Width, spec.Height, pad);
        return (int)scale;
    }

    /// <summary>
    /// The landmarks of a face found small in the analysis view, measured again in a decode where its box is at least
    /// <see cref="FaceBoxForEyes"/> pixels wide: only the region around the face (1 box to each side and above, 1 below)
    /// is analysed. Null when the eyes are not found there either. File pixels.
    /// </summary>
    private SourceFace? CloserLook(ReadOnlySpan<byte> original, PixelRect box, JpegScale analysisScale, ref DecodedImage? fine)
    {
        var scale = analysisScale;
        while (scale > JpegScale.Full && box.Width * (int)analysisScale / (int)scale < FaceBoxForEyes)
        {
            scale = (JpegScale)((int)scale / 2);
        }

        if (fine is null || fine.Scale != scale)
        {
            fine?.Dispose();
            fine = null;
            fine = codec.DecodeUpright(original, JpegPixelFormat.Rgb, scale);
        }

        var factor = (double)(int)analysisScale / (int)scale;
        int size = (int)(box.Width * factor), x = (int)(box.X * factor), y = (int)(box.Y * factor);
        var region = new PixelRect(x - size, y - size, 3 * size, 3 * size).ClipTo(fine.Width, fine.Height);
        var pixels = ArrayPool<byte>.Shared.Rent(region.Width * region.Height * 3);
        try
        {
            var stride = region.Width * 3;
            for (var row = 0; row < region.Height; row++)
            {
                fine.Pixels.Slice(((region.Y + row) * fine.Stride) + (region.X * 3), stride).CopyTo(pixels.AsSpan(row * stride));
            }

            var view = new RgbImageView(pixels.AsSpan(0, region.Height * stride), region.Width, region.Height, (int)scale);
            if (geometry.Analyze(view, 0.2).Landmarks is not { EyesFound: true } landmarks)
            {
                return null;
            }

            var face = Describe(view, landmarks);
            return new SourceFace(
                new PixelPoint(face.Eyes.X + region.X, face.Eyes.Y + region.Y), face.FaceWidth,
                face.HairTop + region.Y, face.HeadLeft + region.X, face.HeadRight + region.X).Scale((int)scale);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(pixels);
        }
    }

    /// <summary>The landmarks the planner needs, in the view's pixels.</summary>
    private static SourceFace Describe(RgbImageView view, FaceLandmarks landmarks)
    {
        var (left, right) = HeadExtent.Measure(view, landmarks);
        return new SourceFace(landmarks.EyeMidpoint, landmarks.FaceWidth, landmarks.HeadTop > 0 ? landmarks.HeadTop : null, left, right);
    }

    private bool Missed(FramingPlan plan, SourceFace face, FaceLandmarks result)
    {
        var eyes = result.EyeMidpoint;
        var targetWidth = face.FaceWidth * plan.Scale;
        return Math.Abs(eyes.X - plan.EyesX) > RefineEyeTolerance
            || Math.Abs(eyes.Y - plan.EyesY) > RefineEyeTolerance
            || Math.Abs(result.FaceWidth - targetWidth) > RefineFaceTolerance * targetWidth;
    }

    /// <summary>
    /// The edges of the original whose background is white along the desired crop (a strip of 8 original pixels, at
    /// least 2 view pixels, must pass the inspector's background limits), and the mean colour of those strips: the
    /// colour a crop reaching beyond them is padded with.
    /// </summary>
    private (ImageEdges Edges, (byte R, byte G, byte B) Colour) WhiteEdges(RgbImageView view, CropRect desired)
    {
        var spec = Spec;
        var depth = Math.Max(2, (int)Math.Ceiling(8.0 / view.ScaleDenominator));
        int x0 = Math.Clamp((int)Math.Floor(desired.X), 0, view.Width), x1 = Math.Clamp((int)Math.Ceiling(desired.Right), 0, view.Width);
        int y0 = Math.Clamp((int)Math.Floor(desired.Y), 0, view.Height), y1 = Math.Clamp((int)Math.Ceiling(desired.Bottom), 0, view.Height);
        if (x1 - x0 < 2)
        {
            (x0, x1) = (0, view.Width);
        }

        if (y1 - y0 < 2)
        {
            (y0, y1) = (0, view.Height);
        }

        var strips = new (ImageEdges Edge, PixelRect Strip)[]
        {
            (ImageEdges.Left, new PixelRect(0, y0, depth, y1 - y0)),
            (ImageEdges.Top, new PixelRect(x0, 0, x1 - x0, depth)),
            (ImageEdges.Right, new PixelRect(view.Width - depth, y0, depth, y1 - y0)),
            (ImageEdges.Bottom, new PixelRect(x0, view.Height - depth, x1 - x0, depth)),
        };
        var edges = ImageEdges.None;
        int r = 0, g = 0, b = 0, n = 0;
        foreach (var (edge, strip) in strips)
        {
            if (PixelStatistics.Region(view, strip) is ({ } stats, var mean)
                && stats.Brightness >= spec.MinBackgroundBrightness
                && stats.Cast <= spec.MaxBackgroundCast
                && stats.Spread <= spec.MaxBackgroundSpread)
            {
                edges |= edge;
                (r, g, b, n) = (r + mean.R, g + mean.G, b + mean.B, n + 1);
            }
        }

        var colour = n == 0 ? ((byte)255, (byte)255, (byte)255) : ((byte)(r / n), (byte)(g / n), (byte)(b / n));
        return (edges, colour);
    }

    /// <summary>The inspector's background limits applied to the framed pixels (bands only: the head is not known yet).</summary>
    private List<string> BackgroundProblems(RgbImageView framed)
    {
        var spec = Spec;
        var background = PixelStatistics.Background(framed, null);
        var problems = new List<string>(4);
        if (background.BorderStep > spec.MaxBorderStep)
        {
            problems.Add(PhotoMessages.Border(background.BorderStep, spec));
        }

        if (background.Brightness < spec.MinBackgroundBrightness)
        {
            problems.Add(PhotoMessages.BackgroundDark(background.Brightness, spec));
        }

        if (background.Cast > spec.MaxBackgroundCast)
        {
            problems.Add(PhotoMessages.BackgroundCast(background.Cast, spec));
        }

        if (background.Spread > spec.MaxBackgroundSpread)
        {
            problems.Add(PhotoMessages.BackgroundUneven(background.Spread, spec));
        }

        return problems;
    }

    /// <summary>
    /// Encodes at the specified quality and dpi. When the file size lies within <see cref="ComfortBytes"/> of a bound
    /// of the range (the inspector then asks a person to look) or outside it, the quality closest to the specified
    /// one that gives a comfortable size is searched within ±<see cref="ComfortQualityRange"/>; failing that, any
    /// size inside the range within <see cref="MinQuality"/>–<see cref="MaxQuality"/>. Binary search: the size grows
    /// with the quality. Then inspects the result.
    /// </summary>
    private PhotoFixResult Encode(ReadOnlySpan<byte> pixels, PhotoFixAction action, PhotoFraming? framing)
    {
        var spec = Spec;
        var target = spec.TargetQuality;
        var encoded = new Dictionary<int, byte[]>();
        var pixelArray = pixels.ToArray();
        byte[] At(int q) => encoded.TryGetValue(q, out var bytes) ? bytes : encoded[q] = EncodeAt(pixelArray, q);

        var (comfortMin, comfortMax) = (spec.MinBytes + ComfortBytes, spec.MaxBytes - ComfortBytes);
        if (comfortMin <= comfortMax
            && Search(At, target, comfortMin, comfortMax, Math.Max(1, target - ComfortQualityRange), Math.Min(100, target + ComfortQualityRange)) is { } comfortable)
        {
            return Finish(At(comfortable), action, comfortable, framing);
        }

        var low = Math.Min(MinQuality, target);
        var high = Math.Max(MaxQuality, target);
        if (Search(At, target, spec.MinBytes, spec.MaxBytes, low, high) is { } quality)
        {
            return Finish(At(quality), action, quality, framing);
        }

        var atTarget = At(target).Length;
        var reason = atTarget > spec.MaxBytes && At(low).Length > spec.MaxBytes
            ? PhotoFixMessages.FileTooLarge(low, At(low).Length, spec)
            : atTarget < spec.MinBytes && At(high).Length < spec.MinBytes
                ? PhotoFixMessages.FileTooSmall(high, At(high).Length, spec)
                : PhotoFixMessages.FileSizeRange(target, atTarget, spec);
        return Refuse(PhotoFixProblem.FileSize, reason) with { Framing = framing, Action = action };
    }

    /// <summary>
    /// The quality nearest <paramref name="target"/> within <paramref name="lowest"/>–<paramref name="highest"/>
    /// whose size lies in <paramref name="minBytes"/>–<paramref name="maxBytes"/>, or null.
    /// </summary>
    private static int? Search(Func<int, byte[]> encode, int target, int minBytes, int maxBytes, int lowest, int highest)
    {
        var size = encode(target).Length;
        int? found = null;
        if (size > maxBytes)
        {
            // The highest quality that is small enough.
            for (int lo = lowest, hi = target - 1; lo <= hi;)
            {
                var q = (lo + hi) / 2;
                if (encode(q).Length <= maxBytes)
                {
                    (found, lo) = (q, q + 1);
                }
                else
                {
                    hi = q - 1;
                }
            }
        }
        else if (size < minBytes)
        {
            // The lowest quality that is large enough.
            for (int lo = target + 1, hi = highest; lo <= hi;)
            {
                var q = (lo + hi) / 2;
                if (encode(q).Length >= minBytes)
                {
                    (found, hi) = (q, q - 1);
                }
                else
                {
                    lo = q + 1;
                }
            }
        }
        else
        {
            found = target;
        }

        return found is { } quality && encode(quality).Length >= minBytes && encode(quality).Length <= maxBytes ? quality : null;
    }

    private byte[] EncodeAt(ReadOnlySpan<byte> pixels, int quality) =>
        codec.Encode(pixels, Spec.Width, Spec.Height, JpegPixelFormat.Rgb, quality, JpegSubsampling.Chroma420, Spec.Dpi);

    private PhotoFixResult Finish(byte[] bytes, PhotoFixAction action, int? quality, PhotoFraming? framing)
    {
        var inspection = Inspector.Inspect(bytes);
        var result = new PhotoFixResult { Bytes = bytes, Inspection = inspection, Action = action, Quality = quality, Framing = framing };
        return inspection.IsAcceptable
            ? result with { Fixed = true }
            : result with
            {
                Problem = PhotoFixProblem.StillFailing,
                Refusal = PhotoFixMessages.StillFailing(inspection.Findings.Where(f => f.Severity == Severity.Error)),
            };
    }

    private static PhotoFixResult Refuse(PhotoFixProblem problem, string reason, PhotoInspection? inspection = null) =>
        new() { Problem = problem, Refusal = reason, Inspection = inspection };
}
