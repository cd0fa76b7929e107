using System.Text.RegularExpressions;
using SocialCard.Core.Tests.Support;

namespace SocialCard.Core.Tests.Architecture;

/// <summary>
/// The project's one way to write, checked on the source: page models and API endpoints load, call a handler and
/// render; handlers save and audit; audit actions are named by <see cref="Auditing.AuditActions"/>; every write
/// reports through <see cref="Common.Result"/> (or <see cref="Common.BulkResult"/>), not its own outcome shape.
/// </summary>
public sealed partial class WriteConventionTests
{
    private static readonly string Web = Path.Combine(TestFiles.RepositoryRoot, "src", "SocialCard.Web");

    public static TheoryData<string> PageModelsAndEndpoints()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Web, "*.cshtml.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Web, "Api"), "*.cs"))
            .Concat(Directory.EnumerateFiles(Web, "*PageModel.cs", SearchOption.AllDirectories))
            .Where(f => !IsBuildOutput(f))
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Web, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PageModelsAndEndpoints))]
    public void Page_models_and_endpoints_neither_save_nor_audit(string file)
    {
        var source = File.ReadAllText(Path.Combine(Web, file));
        var writes = StoreWrite().Matches(source).Select(m => m.Value).ToList();
        Assert.True(writes.Count == 0, $"{file} writes itself ({string.Join(", ", writes)}); call a handler that saves and audits.");
    }

    [Fact]
    public void The_page_models_are_found()
    {
        // Guards the theory above against passing on an empty list.
        Assert.True(PageModelsAndEndpoints().Count > 30);
    }

    [Fact]
    public void Audit_actions_are_named_by_the_constants()
    {
        var literal = SourceFiles()
            .SelectMany(f => AuditWithLiteral().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(Web, f)}: {m.Value}"))
            .ToList();
        Assert.True(literal.Count == 0, "Audit action named by a string literal, use AuditActions: " + string.Join("; ", literal));
    }

    [Fact]
    public void Writes_report_through_the_one_result_type()
    {
        var shapes = Directory.EnumerateFiles(Path.Combine(TestFiles.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f) && !f.Contains("Migrations", StringComparison.Ordinal))
            .SelectMany(f => OutcomeShape().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();
        Assert.True(shapes.Count == 0, "A write reports through its own outcome shape, use Result<T>: " + string.Join("; ", shapes));
    }

    [Fact]
    public void The_checks_find_what_they_look_for()
    {
        Assert.Matches(StoreWrite(), "await db.SaveChangesAsync(ct);");
        Assert.Matches(StoreWrite(), "audit.Record(User, AuditActions.CreateHall, \"Hall\", 1, null);");
        Assert.Matches(StoreWrite(), "await db.Batches.Where(b => b.Id == id).ExecuteUpdateAsync(u => u);");
        Assert.Matches(AuditWithLiteral(), "audit.Record(actor, \"CreateBatch\", \"Batch\", 1, 2);");
        Assert.Matches(OutcomeShape(), "public sealed record ExportOutcome(bool Found, DataExport? Export, string? Error)");
        Assert.Matches(OutcomeShape(), "public async Task<(CollectionBatch? Batch, string? Error)> CreateAsync(");
        Assert.DoesNotMatch(OutcomeShape(), "public enum ComparisonOutcome");
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Web, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f));

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    [GeneratedRegex(@"SaveChanges(Async)?\(|\baudit\.Record|\bAuditLog\b|Execute(Update|Delete)(Async)?\(|BeginTransaction(Async)?\(")]
    private static partial Regex StoreWrite();

    [GeneratedRegex(@"\baudit\.Record(NowAsync)?\([^,()]+(\([^)]*\))?, ""[A-Za-z]+""")]
    private static partial Regex AuditWithLiteral();

    [GeneratedRegex(@"\brecord (struct )?\w*Outcome\b\s*\(|Task<\([^)]*\b(Error|Refusal)\)>")]
    private static partial Regex OutcomeShape();
}
