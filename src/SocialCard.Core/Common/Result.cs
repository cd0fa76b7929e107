using SocialCard.Core.Validation;

namespace SocialCard.Core.Common;

/// <summary>Why an operation was refused; the callers map it (a page shows the message, the API picks a status code).</summary>
public enum ResultKind
{
    Ok,

    /// <summary>The rules refused it (a bad value, a status that does not allow it): the message says what to do.</summary>
    Refused,

    /// <summary>The thing is not there, or not the caller's (both are "not found": one unit never learns of another's data).</summary>
    NotFound,

    /// <summary>Someone changed it since the caller looked: reload and try again.</summary>
    Stale,

    /// <summary>A service the operation needs (the identity registry) is down: nothing was changed, try later.</summary>
    Unavailable,
}

/// <summary>
/// The outcome of every write that can be refused for an expected reason: ok, or a kind and a Chinese message that
/// says what to do, with the findings where the refusal comes from validation (shown beside the fields).
/// Unexpected failures are exceptions, not results.
/// </summary>
public readonly record struct Result(ResultKind Kind, string? Error, IReadOnlyList<Finding>? Findings = null)
{
    public bool Succeeded => Kind == ResultKind.Ok;

    public static Result Ok() => new(ResultKind.Ok, null);

    public static Result Fail(string error, IReadOnlyList<Finding>? findings = null) => new(ResultKind.Refused, error, findings);

    /// <summary>Refused for several reasons at once (a form's fields): each is a finding, shown in a list.</summary>
    public static Result Invalid(IEnumerable<string> messages)
    {
        var findings = messages.Select(m => new Finding(InvalidInputCode, Severity.Error, "", m)).ToList();
        return new(ResultKind.Refused, findings.Count == 1 ? findings[0].Message : Messages.Invalid, findings);
    }

    /// <summary>The code of the findings of <see cref="Invalid"/>.</summary>
    public const string InvalidInputCode = "INVALID_INPUT";

    /// <summary>The messages to list: the findings', else the error.</summary>
    public IReadOnlyList<string> AllMessages => Findings is { Count: > 0 } f ? f.Select(x => x.Message).ToList() : Error is null ? [] : [Error];

    public static Result NotFound(string error = Messages.NotFound) => new(ResultKind.NotFound, error);

    public static Result Stale(string error) => new(ResultKind.Stale, error);

    public static Result Unavailable(string error) => new(ResultKind.Unavailable, error);

    /// <summary>The refusal, typed for an operation that gives a value.</summary>
    public Result<T> As<T>() => Succeeded
        ? throw new InvalidOperationException("Only a refusal converts to a result with a value.")
        : new Result<T>(Kind, default, Error, Findings);

    public static class Messages
    {
        public const string NotFound = "未找到该记录（可能已被删除），请刷新页面。";

        public const string Invalid = "填写的内容有误，请按提示改正。";
    }
}

/// <summary>The outcome of a write that gives a value, or is refused for an expected reason (see <see cref="Result"/>).</summary>
public readonly record struct Result<T>(ResultKind Kind, T? Value, string? Error, IReadOnlyList<Finding>? Findings = null)
{
    public bool Succeeded => Kind == ResultKind.Ok;

    public static Result<T> Ok(T value) => new(ResultKind.Ok, value, null);

    public static Result<T> Fail(string error, IReadOnlyList<Finding>? findings = null) => new(ResultKind.Refused, default, error, findings);

    public static implicit operator Result<T>(Result failure) => failure.As<T>();

    /// <summary>The messages to list: the findings', else the error.</summary>
    public IReadOnlyList<string> AllMessages => WithoutValue().AllMessages;

    /// <summary>The same outcome without the value.</summary>
    public Result WithoutValue() => new(Kind, Error, Findings);
}
