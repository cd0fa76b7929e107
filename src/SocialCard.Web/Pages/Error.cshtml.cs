using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Pages;

/// <summary>The one error page: unhandled errors and re-executed status codes, in Chinese, with what to do.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(TimeProvider clock) : PageModel
{
    public string Title { get; private set; } = "出错了";

    public string Advice { get; private set; } = "";

    public string? RequestId { get; private set; }

    /// <summary>Where the button leads (the status lookup's own page after too many lookups).</summary>
    public string BackUrl { get; private set; } = "/";

    public string BackText { get; private set; } = "返回首页";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    /// <summary>
    /// After an exception the request keeps its own query (<c>?handler=DeletePerson</c>), which no handler here
    /// matches: the page is described all the same.
    /// </summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null)
        {
            Describe(null);
        }
    }

    private void Describe(int? code)
    {
        if (code is null && HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error)
        {
            code = PortalErrors.StatusCodeOf(error);
            Response.StatusCode = code.Value;
        }

        (Title, Advice) = code switch
        {
            409 => ("记录已被修改", PortalErrors.ConflictMessage),
            503 => ("系统暂时无法使用", PortalErrors.OutageMessage),
            404 => ("页面不存在", "您要找的页面或记录不存在，或不属于您的单位。请从首页重新进入。"),
            403 => ("没有权限", "您的账号无权访问此页面。如需权限，请联系信息中心。"),
            400 => ("请求无效", "页面可能已过期，请返回上一页刷新后重试。"),
            429 when HttpContext.Items.ContainsKey(Infrastructure.SignInLimits.RefusedItem) =>
                ("登录尝试过于频繁", "为防止密码被猜测，同一网络地址每分钟的登录次数受到限制。" + RetryAdvice()),
            429 => ("查询过于频繁", "为保护个人信息，进度查询的次数受到限制。" + RetryAdvice()),
            _ => ("系统出错了", "您的数据没有丢失，但这次操作未能完成。请稍后重试；如仍出错，请联系信息中心。"),
        };

        if (code == 429)
        {
            (BackUrl, BackText) = HttpContext.Items.ContainsKey(Infrastructure.SignInLimits.RefusedItem)
                ? ("/Account/Login", "返回登录")
                : ("/Status", "返回进度查询");
        }

        if (code is null or >= 500)
        {
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }
    }

    /// <summary>When to try again, from the wait the rate limit set (<see cref="Status.StatusLookupLimits.SetRetryAfter"/>).</summary>
    private string RetryAdvice()
    {
        var wait = HttpContext.Items[Status.StatusLookupLimits.RetryAfterItem] as TimeSpan? ?? TimeSpan.FromMinutes(1);
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        var at = clock.GetUtcNow().Add(wait).ToOffset(Infrastructure.ChinaTime.Offset);
        return $"请在 {at:HH:mm} 以后（约 {minutes} 分钟后）再试。";
    }
}
