namespace SocialCard.Core.Review;

/// <summary>The overall result of comparing one person with the identity registry (docs/DOMAIN.md §8).</summary>
public enum ComparisonOutcome
{
    /// <summary>Every item matches: the person gets an application form with the registry photo.</summary>
    Matched = 1,

    /// <summary>The registry knows the ID number but at least one item differs or is missing.</summary>
    Mismatched = 2,

    /// <summary>The registry does not know the ID number.</summary>
    NotFound = 3,
}

public static class ComparisonOutcomeText
{
    public static string ToChinese(this ComparisonOutcome outcome) => outcome switch
    {
        ComparisonOutcome.Matched => "一致",
        ComparisonOutcome.Mismatched => "不一致",
        ComparisonOutcome.NotFound => "库中无此人",
        _ => outcome.ToString(),
    };
}
