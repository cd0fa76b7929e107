using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SocialCard.Web.Status;

namespace SocialCard.Web.Pages;

/// <summary>The public status lookup (anonymous): ID number and name in, the card's stages out; rate-limited.</summary>
[EnableRateLimiting(StatusLookupLimits.Policy)]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class StatusModel(StatusLookup lookup) : PageModel
{
    [BindProperty]
    public string? IdNumber { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public LookupAnswer? Answer { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Answer = await lookup.FindAsync(IdNumber, Name, ct);
        if (Answer.Outcome == LookupOutcome.Blocked)
        {
            StatusLookupLimits.SetRetryAfter(HttpContext, Answer.RetryAfter ?? TimeSpan.FromHours(1));
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        if (Answer.Outcome != LookupOutcome.InvalidInput)
        {
            // The answer does not repeat what was typed (a shared computer), and so reads the same for every no-match.
            ModelState.Clear();
            IdNumber = null;
            Name = null;
        }

        return Page();
    }
}
