using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Core.Rosters;
using SocialCard.Data;
using SocialCard.Web.Batches;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Rosters;

namespace SocialCard.Web.Api;

/// <summary>
/// The JSON API for HR systems (OpenAPI at /openapi/v1.json): create a batch, upload a roster, read the
/// findings, declare or withdraw. Same handlers and the same unit scoping as the pages: another unit's
/// batch is 404.
/// </summary>
public static class BatchApi
{
    public const string Policy = "ApiClient";

    public static void MapBatchApi(this IEndpointRouteBuilder app)
    {
        // Any other path under /api is a JSON 404, for callers with or without a key (never the login page).
        app.MapFallback("/api/{**path}", context => ApiProblems.WriteAsync(context, StatusCodes.Status404NotFound)).AllowAnonymous();

        var api = app.MapGroup("/api/v1/batches")
            .RequireAuthorization(Policy)
            .RequireRateLimiting(ApiRateLimit.Policy)
            .DisableAntiforgery()
            .WithTags("Batches");

        api.MapGet("/", ListAsync).WithSummary("The unit's batches");
        api.MapPost("/", CreateAsync).WithSummary("Create a batch");
        api.MapGet("/{id:int}", GetAsync).WithSummary("One batch with its counts");
        api.MapPost("/{id:int}/roster", UploadAsync).WithSummary("Upload a roster (.xlsx, .xls or .csv) as multipart field 'file'")
            .WithMetadata(new UploadLimitAttribute(UploadKind.Roster));
        api.MapGet("/{id:int}/findings", FindingsAsync).WithSummary("Every finding of the batch's persons");
        api.MapPost("/{id:int}/declare", DeclareAsync).WithSummary("Declare (申报) the batch");
        api.MapPost("/{id:int}/withdraw", WithdrawAsync).WithSummary("Withdraw (撤销) the declaration");
    }

    public static AuthorizationPolicy BuildPolicy() => new AuthorizationPolicyBuilder(ApiKeyAuthentication.SchemeName)
        .RequireRole(ApiRoles.Client)
        .RequireClaim(ClaimsFactory.UnitIdClaim)
        .Build();

    private static async Task<Ok<List<BatchDto>>> ListAsync(HttpContext http, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await Project(db.BatchesOf(http.User).OrderByDescending(b => b.Id)).ToListAsync(ct));

    private static async Task<Results<Created<BatchDto>, ProblemHttpResult>> CreateAsync(CreateBatchRequest request, HttpContext http, BatchActions actions, AppDbContext db, CancellationToken ct)
    {
        var created = await actions.CreateAsync(http.User.RequireUnitId(), request.Title, http.User.ActorName(), ct);
        if (created.Value is not { } batch)
        {
            return TypedResults.Problem(created.Error, statusCode: StatusCodes.Status400BadRequest);
        }

        var dto = await Project(db.Batches.Where(b => b.Id == batch.Id)).SingleAsync(ct);
        return TypedResults.Created($"/api/v1/batches/{batch.Id}", dto);
    }

    private static async Task<Results<Ok<BatchDto>, NotFound>> GetAsync(int id, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        if (await Project(db.BatchesOf(http.User).Where(b => b.Id == id)).SingleOrDefaultAsync(ct) is not { } dto)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = $"\"{dto.Version}\"";
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<UploadDto>, NotFound, ProblemHttpResult>> UploadAsync(
        int id, IFormFile? file, HttpContext http, AppDbContext db, RosterImport import, ImportThrottle throttle, CancellationToken ct)
    {
        var batch = await db.BatchesOf(http.User).SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return TypedResults.NotFound();
        }

        if (file is null || file.Length == 0)
        {
            return TypedResults.Problem("请在 multipart 字段 file 中上传花名册（.xlsx、.xls 或 .csv）。", statusCode: StatusCodes.Status400BadRequest);
        }

        using var slot = await throttle.TryEnterAsync(ct);
        if (slot is null)
        {
            http.Response.Headers.RetryAfter = ((int)ImportThrottle.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(ImportThrottle.BusyMessage, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        // A file over Rosters:MaxBytes is a refused upload like any other (Accepted false, FILE_TOO_LARGE in fileFindings).
        await using var content = FormFiles.OpenSeekable(file);
        var imported = await import.ImportAsync(batch, file.FileName, content, http.User.ActorName(), ct);
        if (imported.Value is not { } outcome)
        {
            return TypedResults.Problem(imported.Error, statusCode: ApiProblems.StatusOf(imported.Kind));
        }

        var upload = outcome.Upload;
        return TypedResults.Ok(new UploadDto(
            upload.Id, upload.Accepted, upload.Rows, upload.Errors, upload.Warnings, upload.Fixed, upload.Added, upload.Updated, upload.Unchanged,
            upload.Accepted ? [] : outcome.Findings.Select(FindingDto.From).ToList()));
    }

    private static async Task<Results<Ok<List<FindingDto>>, NotFound>> FindingsAsync(int id, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        if (!await db.BatchesOf(http.User).AnyAsync(b => b.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var persons = await db.Persons.AsNoTracking().Where(p => p.BatchId == id).OrderBy(p => p.SourceRow).ThenBy(p => p.Id).ToListAsync(ct);
        var findings = persons
            .SelectMany(p => p.Findings.Select(f => new FindingDto(
                p.SourceRow ?? 0,
                RosterTemplate.Columns.FirstOrDefault(c => c.Column.ToString() == f.Field)?.Header ?? "",
                f.Code,
                f.Severity.ToString().ToLowerInvariant(),
                f.Message,
                p.Id)))
            .ToList();
        return TypedResults.Ok(findings);
    }

    private static Task<Results<Ok<BatchDto>, NotFound, ProblemHttpResult>> DeclareAsync(int id, HttpContext http, AppDbContext db, BatchActions actions, CancellationToken ct) =>
        MoveAsync(id, http, db, version => actions.DeclareAsync(id, version, http.User.ActorName(), ct), ct);

    private static Task<Results<Ok<BatchDto>, NotFound, ProblemHttpResult>> WithdrawAsync(int id, HttpContext http, AppDbContext db, BatchActions actions, CancellationToken ct) =>
        MoveAsync(id, http, db, version => actions.WithdrawAsync(id, version, http.User.ActorName(), ct), ct);

    /// <summary>
    /// A status move through the same handler as the page, with the same version check: the batch's <c>version</c>
    /// (from GET, also its ETag) sent as <c>If-Match</c> must still be current, else 412 and nothing changes. Without
    /// <c>If-Match</c> the move applies to the batch as it is.
    /// </summary>
    private static async Task<Results<Ok<BatchDto>, NotFound, ProblemHttpResult>> MoveAsync(
        int id, HttpContext http, AppDbContext db, Func<Guid?, Task<Core.Common.Result>> move, CancellationToken ct)
    {
        if (!await db.BatchesOf(http.User).AnyAsync(b => b.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        Guid? seen = null;
        if (http.Request.Headers.IfMatch.ToString() is { Length: > 0 } ifMatch)
        {
            if (!Guid.TryParse(ifMatch.Trim().Trim('"'), out var version))
            {
                return TypedResults.Problem("If-Match 须为批次的 version（GET 批次时返回的 ETag）。", statusCode: StatusCodes.Status400BadRequest);
            }

            seen = version;
        }

        var result = await move(seen);
        if (!result.Succeeded)
        {
            return TypedResults.Problem(result.Error, statusCode: ApiProblems.StatusOf(result.Kind));
        }

        return TypedResults.Ok(await Project(db.Batches.Where(b => b.Id == id)).SingleAsync(ct));
    }

    private static IQueryable<BatchDto> Project(IQueryable<CollectionBatch> batches) =>
        batches.Select(b => new BatchDto(b.Id, b.Title, b.Status.ToString(), b.CreatedAt, b.DeclaredAt, b.Persons.Count, b.Persons.Count(p => p.ErrorCount > 0), b.ReturnReason, b.Version));
}

public sealed record CreateBatchRequest(string? Title);

/// <param name="Version">Changes with every write to the batch; send it as <c>If-Match</c> to declare or withdraw only the batch you looked at.</param>
public sealed record BatchDto(int Id, string Title, string Status, DateTimeOffset CreatedAt, DateTimeOffset? DeclaredAt, int Persons, int PersonsWithErrors, string? ReturnReason, Guid Version);

public sealed record UploadDto(int UploadId, bool Accepted, int Rows, int Errors, int Warnings, int Fixed, int Added, int Updated, int Unchanged, List<FindingDto> FileFindings);

public sealed record FindingDto(int Row, string Column, string Code, string Severity, string Message, int? PersonId)
{
    public static FindingDto From(RosterFinding f) =>
        new(f.Row, f.ColumnHeader, f.Finding.Code, f.Finding.Severity.ToString().ToLowerInvariant(), f.Finding.Message, null);
}
