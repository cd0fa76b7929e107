using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using SocialCard.Web.Api;
using SocialCard.Web.Photos;
using SocialCard.Web.Rosters;

namespace SocialCard.Web.Infrastructure;

/// <summary>What an upload endpoint takes: its size limit comes from the settings of that kind.</summary>
public enum UploadKind
{
    /// <summary>A roster file: <c>Rosters:MaxBytes</c>.</summary>
    Roster,

    /// <summary>Bulk photos (.jpg files and .zip archives): <c>Photos:MaxUploadMegabytes</c>.</summary>
    Photos,

    /// <summary>One person's photo: the largest photo file a bulk upload takes too (12 MB).</summary>
    SinglePhoto,
}

/// <summary>
/// Marks an upload endpoint for <see cref="UploadLimits"/>: on a page model with the handler it applies to
/// (null: the page's default POST handler); on an API endpoint as metadata.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class UploadLimitAttribute(UploadKind kind, string? handler = null) : Attribute
{
    public UploadKind Kind { get; } = kind;

    public string? Handler { get; } = handler;

    public bool AppliesTo(HttpContext context)
    {
        var requested = context.GetRouteValue("handler") as string ?? context.Request.Query["handler"].FirstOrDefault();
        return string.Equals(string.IsNullOrEmpty(requested) ? null : requested, Handler, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>
/// Kestrel takes at most 30,000,000 bytes per request and the form reader 128 MB per file unless told
/// otherwise, which made photo uploads above 28.6 MB fail with a bare 400 although Photos:MaxUploadMegabytes
/// allows 200 MB. For each POST to an endpoint marked with <see cref="UploadLimitAttribute"/> this middleware
/// (after authorization, before antiforgery and model binding) takes the limit from the settings, refuses a
/// larger upload from its Content-Length without reading it, raises Kestrel's and the form reader's limits to
/// it, and reads the form (files go to a temporary file beyond 64 KB, not to memory); a body longer than it
/// announced is refused the same way. A refusal is the portal's Chinese message: on a page through TempData and
/// a redirect back to the page, on the API as a problem document (413; 400 for a form that cannot be read).
/// A roster's limit here is <see cref="RosterSettings.ReceiveMaxBytes"/>, above its file limit: a file between the
/// two reaches the importer, which records and audits it as refused (FILE_TOO_LARGE) like every refused file.
/// </summary>
public sealed class UploadLimits(RequestDelegate next, ILogger<UploadLimits> logger)
{
    /// <summary>Room for the multipart framing and the form's other fields beyond the files themselves.</summary>
    public const long FormHeadroomBytes = 1024 * 1024;

    private const long Megabyte = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, RosterSettings rosters, PhotoSettings photos, IOptions<FormOptions> formOptions)
    {
        var upload = HttpMethods.IsPost(context.Request.Method)
            ? context.GetEndpoint()?.Metadata.GetOrderedMetadata<UploadLimitAttribute>().FirstOrDefault(a => a.AppliesTo(context))
            : null;
        if (upload is null)
        {
            await next(context);
            return;
        }

        var (fileBytes, maxFiles, refusal, nothingChanged) = upload.Kind switch
        {
            UploadKind.Roster => (rosters.ReceiveMaxBytes, 1, $"文件太大（超过 {FileSizes.Describe(rosters.ReceiveMaxBytes)}），上限为 {FileSizes.Describe(rosters.MaxBytes)}。请分成几个文件上传。", "批次未作任何改动。"),
            UploadKind.Photos => (photos.MaxUploadMegabytes * Megabyte, photos.ArchiveLimits.MaxFiles, $"一次上传不能超过 {photos.MaxUploadMegabytes} MB，请分几次上传。", "照片一张也没有保存。"),
            _ => (photos.ArchiveLimits.MaxFileBytes, 1, $"请选择一张不超过 {photos.ArchiveLimits.MaxFileBytes / Megabyte} MB 的 .jpg 照片。", "照片未保存。"),
        };
        var limit = fileBytes + FormHeadroomBytes;
        if (context.Request.ContentLength > limit)
        {
            logger.LogInformation("Upload of {Bytes} bytes to {Path} refused before reading: the limit is {Limit} bytes", context.Request.ContentLength, context.Request.Path.Value, limit);
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, refusal + nothingChanged);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        if (context.Request.HasFormContentType)
        {
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, Raised(formOptions.Value, limit, maxFiles)));
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                logger.LogInformation("Upload to {Path} refused: the body went beyond {Limit} bytes", context.Request.Path.Value, limit);
                await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, refusal + nothingChanged);
                return;
            }
            catch (InvalidDataException ex)
            {
                // A form limit (length, number of files) was exceeded or the multipart framing is broken.
                logger.LogInformation("Upload to {Path} refused: the form could not be read within its limits ({Reason})", context.Request.Path.Value, ex.Message);
                await RefuseAsync(context, StatusCodes.Status400BadRequest, $"上传的内容无法读取（文件过多，或上传不完整）。请检查后重新上传。{nothingChanged}");
                return;
            }
        }

        await next(context);
    }

    private static FormOptions Raised(FormOptions options, long limit, int maxFiles) => new()
    {
        BufferBody = options.BufferBody,
        MemoryBufferThreshold = options.MemoryBufferThreshold,
        BufferBodyLengthLimit = Math.Max(options.BufferBodyLengthLimit, limit),
        MultipartBodyLengthLimit = Math.Max(options.MultipartBodyLengthLimit, limit),
        ValueCountLimit = Math.Max(options.ValueCountLimit, maxFiles + 16),
        KeyLengthLimit = options.KeyLengthLimit,
        ValueLengthLimit = options.ValueLengthLimit,
        MultipartBoundaryLengthLimit = options.MultipartBoundaryLengthLimit,
        MultipartHeadersCountLimit = options.MultipartHeadersCountLimit,
        MultipartHeadersLengthLimit = options.MultipartHeadersLengthLimit,
    };

    private static async Task RefuseAsync(HttpContext context, int apiStatus, string message)
    {
        // The rest of the body is left unread: the connection cannot carry another request.
        context.Response.Headers.Connection = "close";

        if (ApiRateLimit.IsApiRequest(context))
        {
            await ApiProblems.WriteAsync(context, apiStatus, message);
            return;
        }

        var tempData = context.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context);
        tempData["Error"] = message;
        tempData.Save();
        context.Response.Redirect(context.Request.PathBase + context.Request.Path);
    }
}
