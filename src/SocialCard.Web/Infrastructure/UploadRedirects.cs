using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SocialCard.Web.Infrastructure;

/// <summary>
/// An upload sent by wwwroot/js/upload.js (header <c>X-Upload-Progress: 1</c>) is answered with the address to go to
/// as JSON instead of a redirect. XMLHttpRequest follows redirects by itself, which would render the next page (and
/// use up the one-time message of TempData) inside the request; the script then loads the page the way a form post
/// would, and the refusal or notice is shown. Without JavaScript the form posts normally and gets the redirect.
/// </summary>
public sealed class UploadRedirects : IAlwaysRunResultFilter
{
    public const string Header = "X-Upload-Progress";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.HttpContext.Request.Headers[Header] != "1")
        {
            return;
        }

        var target = context.Result switch
        {
            RedirectResult r => r.Url,
            LocalRedirectResult r => r.Url,
            _ => null,
        };
        if (target is not null)
        {
            context.Result = new JsonResult(new { redirect = target });
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
