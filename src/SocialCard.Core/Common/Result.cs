namespace SocialCard.Core.Common;

/// <summary>The outcome of a domain operation that can be refused for an expected reason.</summary>
public readonly record struct Result(bool Succeeded, string? Error)
{
    public static Result Ok() => new(true, null);

    public static Result Fail(string error) => new(false, error);
}
