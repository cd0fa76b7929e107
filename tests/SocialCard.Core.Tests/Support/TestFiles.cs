namespace SocialCard.Core.Tests.Support;

/// <summary>
/// Files of this repository that tests read. Every path is found inside <see cref="RepositoryRoot"/>, the folder
/// holding SocialCard.sln above the test output folder; nothing beside or above the repository is read.
/// A missing file fails the test.
/// </summary>
internal static class TestFiles
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The repository's top folder (where SocialCard.sln is).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>docs/RULES.md of this repository.</summary>
    public static string RulesDoc => InRepository("docs/RULES.md");

    /// <summary>A file of this repository by its path from the top, e.g. "docs/RULES.md".</summary>
    public static string InRepository(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot, relativePath));
        if (!path.StartsWith(RepositoryRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relativePath}' leads outside the repository '{RepositoryRoot}'.", nameof(relativePath));
        }

        return File.Exists(path) ? path : throw new FileNotFoundException($"{relativePath} not found in the repository '{RepositoryRoot}'.", path);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialCard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"SocialCard.sln not found in any folder above '{AppContext.BaseDirectory}'.");
    }
}
