using SocialCard.Core.Persons;

namespace SocialCard.Core.Tests.Persons;

public class DateTextTests
{
    [Theory]
    [InlineData("1990-01-31", 1990, 1, 31)]
    [InlineData("1990-1-5", 1990, 1, 5)]
    [InlineData("1990/1/5", 1990, 1, 5)]
    [InlineData("1990/01/05", 1990, 1, 5)]
    [InlineData("1990.1.5", 1990, 1, 5)]
    [InlineData("1990年1月5日", 1990, 1, 5)]
    [InlineData("19900105", 1990, 1, 5)]
    [InlineData("1990-01-05 00:00:00", 1990, 1, 5)]
    [InlineData("1990/1/5 0:00", 1990, 1, 5)]
    [InlineData("１９９０－０１－０５", 1990, 1, 5)]
    [InlineData("32874", 1990, 1, 1)]
    [InlineData("32874.0", 1990, 1, 1)]
    [InlineData("1", 1900, 1, 1)]
    [InlineData("59", 1900, 2, 28)]
    [InlineData("61", 1900, 3, 1)]
    [InlineData("45809", 2025, 6, 1)]
    public void Accepted_forms(string text, int y, int m, int d)
    {
        Assert.True(DateText.TryParse(text, out var date), text);
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("60")]          // Excel's phantom 1900-02-29
    [InlineData("1990-02-30")]
    [InlineData("1990-13-01")]
    [InlineData("1990-01/05")]  // mixed separators
    [InlineData("199001")]
    [InlineData("123456")]
    [InlineData("01/05/1990")]  // day-first or month-first: ambiguous, not accepted
    [InlineData("一九九〇年一月五日")]
    public void Rejected_forms(string? text) => Assert.False(DateText.TryParse(text, out _));
}
