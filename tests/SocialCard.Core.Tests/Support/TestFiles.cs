namespace SocialCard.Core.Tests.Support;

/// <summary>Finds files outside the test output folder by walking up from it. A missing file fails the test.</summary>
internal static class TestFiles
{
    private const string Gb2260RelativePath = "shared/data/gb2260_address_codes_1980_2020.csv";

    /// <summary>The shared GB/T 2260 CSV (…/shared/data/ next to or above the repository).</summary>
    public static string Gb2260Csv => FindUpwards(Gb2260RelativePath, alsoInParent: true)
        ?? throw new FileNotFoundException(
            $"GB2260 test data not found: looked for '{Gb2260RelativePath}' and '../{Gb2260RelativePath}' in every folder above "
            + $"'{AppContext.BaseDirectory}'. The file belongs to the shared project data (/work/shared/data); restore it.");

    /// <summary>docs/RULES.md of this repository.</summary>
    public static string RulesDoc => FindUpwards("docs/RULES.md", alsoInParent: false)
        ?? throw new FileNotFoundException($"docs/RULES.md not found above '{AppContext.BaseDirectory}'.");

    private static string? FindUpwards(string relativePath, bool alsoInParent)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var here = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(here))
            {
                return here;
            }

            var besides = Path.Combine(dir.FullName, "..", relativePath);
            if (alsoInParent && File.Exists(besides))
            {
                return Path.GetFullPath(besides);
            }
        }

        return null;
    }
}
