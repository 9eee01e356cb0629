using System.Globalization;
using Vouch.Features.Contacts;

namespace Vouch.Features.Matching;

/// <summary>Calendar quarters, the period an advocate's limit of asks is counted in.</summary>
public static class Quarter
{
    /// <summary>The calendar quarter a day falls in, as one comparable number.</summary>
    public static int Of(DateOnly date) => date.Year * 4 + (date.Month - 1) / 3;
}

/// <summary>The small pieces of English the reasons are made of.</summary>
public static class Words
{
    public static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    /// <summary>A day as the reasons say it: "3 March" this year, "3 March 2027" in another.</summary>
    public static string Day(DateOnly date, DateOnly today) =>
        date.ToString(date.Year == today.Year ? "d MMMM" : "d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>An activity's name in the plural ("reference calls", "case studies"); mass nouns stay as they are.</summary>
    public static string Plural(string name)
    {
        if (name.EndsWith("ing", StringComparison.Ordinal) || name.EndsWith("feedback", StringComparison.Ordinal))
        {
            return name;
        }
        if (name.EndsWith('y') && name.Length > 1 && !"aeiou".Contains(name[^2], StringComparison.Ordinal))
        {
            return name[..^1] + "ies";
        }
        return name.EndsWith('s') || name.EndsWith('x') || name.EndsWith("sh", StringComparison.Ordinal) || name.EndsWith("ch", StringComparison.Ordinal)
            ? name + "es"
            : name + "s";
    }

    /// <summary>"a reference call", "an event host".</summary>
    public static string WithArticle(string name) => ("aeiou".Contains(char.ToLowerInvariant(name[0]), StringComparison.Ordinal) ? "an " : "a ") + name;

    /// <summary>"reputation", "reputation and status", "affiliation, learning and status".</summary>
    public static string List(SocialCapital capital)
    {
        var names = Enum.GetValues<SocialCapital>()
            .Where(c => c != SocialCapital.None && capital.HasFlag(c))
            .Select(c => c == SocialCapital.ProductSay ? "a say in the product" : c.ToString().ToLowerInvariant())
            .ToList();
        return names.Count <= 1 ? names.FirstOrDefault() ?? "" : string.Join(", ", names[..^1]) + " and " + names[^1];
    }
}
