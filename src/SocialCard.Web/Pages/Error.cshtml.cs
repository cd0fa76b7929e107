using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SocialCard.Web.Pages;

/// <summary>The one error page: unhandled errors and re-executed status codes, in Chinese, with what to do.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";

    public string Advice { get; private set; } = "";

    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Advice) = code switch
        {
            404 => ("页面不存在", "您要找的页面或记录不存在，或不属于您的单位。请从首页重新进入。"),
            403 => ("没有权限", "您的账号无权访问此页面。如需权限，请联系信息中心。"),
            400 => ("请求无效", "页面可能已过期，请返回上一页刷新后重试。"),
            _ => ("系统出错了", "您的数据没有丢失，但这次操作未能完成。请稍后重试；如仍出错，请联系信息中心。"),
        };

        if (code is null or >= 500)
        {
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }
    }
}
