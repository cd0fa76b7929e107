using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Api;

/// <summary>
/// The JSON API's errors as RFC 7807 problem documents (<c>application/problem+json</c>) with a Chinese
/// <c>detail</c>: the one writer every refusal of the API uses (authentication, rate limit, upload limits,
/// import throttle, unknown paths, unhandled exceptions and empty error responses).
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, int status, string? detail = null, TimeSpan? retryAfter = null, CancellationToken ct = default)
    {
        context.Response.StatusCode = status;
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var problem = new ProblemDetails
        {
            Type = TypeOf(status),
            Title = ReasonPhrases.GetReasonPhrase(status),
            Status = status,
            Detail = detail ?? DetailOf(status),
            Instance = context.Request.Path,
        };
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier;
        await context.Response.WriteAsJsonAsync(problem, Json, ContentType, ct);
    }

    /// <summary>The HTTP status of a refused write (<see cref="Core.Common.Result"/>), the same for every endpoint.</summary>
    public static int StatusOf(Core.Common.ResultKind kind) => kind switch
    {
        Core.Common.ResultKind.NotFound => StatusCodes.Status404NotFound,
        Core.Common.ResultKind.Stale => StatusCodes.Status412PreconditionFailed,
        Core.Common.ResultKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status409Conflict,
    };

    /// <summary>The Chinese detail of a status that carries no text of its own.</summary>
    public static string DetailOf(int status) => status switch
    {
        400 => "请求无效：请检查请求的格式和各字段的内容。",
        401 => "需要有效的 API 密钥（请求头 X-Api-Key）。",
        403 => "此 API 密钥无权执行该操作。",
        404 => "请求的地址或记录不存在，或不属于此 API 密钥的单位。",
        405 => "此地址不支持该请求方法。",
        409 => PortalErrors.ConflictMessage,
        412 => "批次在您读取之后已被修改（If-Match 与当前 version 不一致），操作未执行。请重新读取批次后再试。",
        413 => "上传的内容过大。",
        415 => "不支持此内容类型：JSON 请用 application/json，文件请用 multipart/form-data。",
        429 => "请求过于频繁，请稍后重试。",
        503 => PortalErrors.OutageMessage,
        >= 500 => "系统出错了，这次操作未能完成，您的数据没有丢失。请稍后重试；如仍出错，请联系信息中心并提供 traceId。",
        _ => "请求未能完成。",
    };

    private static string TypeOf(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        412 => "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        >= 500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        _ => "about:blank",
    };
}

/// <summary>
/// For requests under /api: no HTML error page (status code pages are off), an unhandled exception becomes a
/// problem document (logged, without a stack trace in the answer; 503 with Retry-After when the database is
/// unreachable, 409 on a concurrent change), and an error answered without a body gets one.
/// </summary>
public sealed class ApiErrors(RequestDelegate next, ILogger<ApiErrors> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!ApiRateLimit.IsApiRequest(context))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var status = PortalErrors.StatusCodeOf(ex);
            logger.Log(status >= 500 ? LogLevel.Error : LogLevel.Warning, ex, "API request {Method} {Path} failed: answered {StatusCode}", context.Request.Method, context.Request.Path.Value, status);
            context.Response.Clear();
            await ApiProblems.WriteAsync(context, status, retryAfter: status == StatusCodes.Status503ServiceUnavailable ? PortalErrors.OutageRetryAfter : null);
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await ApiProblems.WriteAsync(context, response.StatusCode);
        }
    }
}
