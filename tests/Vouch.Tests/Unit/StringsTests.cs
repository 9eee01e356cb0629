using System.Text.RegularExpressions;
using System.Xml.Linq;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Unit;

/// <summary>
/// The strings of every language: English lists every key (its value the key itself), each translation has the same
/// keys, a translation is never left in English, and keeps the placeholders of the text it translates; and every
/// text a page asks for is a key.
/// </summary>
public sealed partial class StringsTests
{
    private static readonly string s_resources = Path.Combine(Repository.Root, "src", "Vouch", "Resources");

    /// <summary>
    /// Texts that are written the same in a language as in English, so their translation may equal the key: names of
    /// products and things each language borrows from English.
    /// </summary>
    private static readonly Dictionary<string, HashSet<string>> s_sameAsEnglish = new(StringComparer.Ordinal)
    {
        ["de"] = ["Blog", "Community", "Event", "Events", "Import", "KPIs", "Limit", "Link", "Logo", "MMMM yyyy", "Name", "Neutral", "Person", "Promoter", "Region", "Salesforce", "Segment", "Sponsor", "Status", "Video", "Vouch: {0}", "Webhooks", "Webinar", "{0} KB"],
        ["es"] = ["Blog", "Error", "Idea", "Ideas", "Neutral", "No", "Personal", "Roles", "Salesforce", "Verbal", "Vouch: {0}", "Webhooks", "{0} KB", "{0} min"],
    };

    public static TheoryData<string> Translations() =>
        [.. Directory.GetFiles(s_resources, "Strings.*.resx").Select(file => Path.GetFileName(file).Split('.')[1]).Order(StringComparer.Ordinal)];

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(s_resources, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    private static Dictionary<string, string> English => Read("Strings.resx");

    [Fact]
    public void The_app_speaks_English_and_every_language_with_a_file()
    {
        Assert.Equal(["en", .. Translations().Select(row => row.Data)], Languages.Supported.Select(c => c.Name));
        Assert.Contains("de", Languages.Supported.Select(c => c.Name));
        Assert.Contains("es", Languages.Supported.Select(c => c.Name));
    }

    [Fact]
    public void English_lists_every_key_as_its_own_text()
    {
        Assert.All(English, pair => Assert.Equal(pair.Key, pair.Value));
    }

    [Fact]
    public void No_two_keys_differ_only_in_case()
    {
        // The resource compiler treats names case-blind and drops the second, which would then show in English.
        var clashes = English.Keys.GroupBy(key => key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g));
        Assert.Empty(clashes);
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_translation_has_every_key_of_English_and_no_other(string language)
    {
        var translated = Read($"Strings.{language}.resx");

        Assert.Empty(English.Keys.Except(translated.Keys));
        Assert.Empty(translated.Keys.Except(English.Keys));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void No_text_is_left_empty_or_in_English(string language)
    {
        var same = s_sameAsEnglish.GetValueOrDefault(language) ?? [];

        var untranslated = Read($"Strings.{language}.resx")
            .Where(pair => string.IsNullOrWhiteSpace(pair.Value) || (pair.Value == pair.Key && !same.Contains(pair.Key)))
            .Select(pair => pair.Key);

        Assert.Empty(untranslated);
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_translation_keeps_the_placeholders_of_its_text(string language)
    {
        static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

        Assert.All(Read($"Strings.{language}.resx"), pair => Assert.Equal(Placeholders(pair.Key), Placeholders(pair.Value)));
    }

    [Fact]
    public void Every_text_a_page_asks_for_is_a_key()
    {
        var asked = SourceFiles("*.cshtml").SelectMany(file => Asked().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), m.Groups[1].Value))).ToList();

        Assert.NotEmpty(asked);
        Assert.Empty(NotKeys(asked));
    }

    [Fact]
    public void Every_text_code_asks_for_is_a_key()
    {
        // Page models, emails and the like ask through a localizer named text: text["The offer is saved."].
        var asked = SourceFiles("*.cs").SelectMany(file => AskedInCode().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), m.Groups[1].Value))).ToList();

        Assert.NotEmpty(asked);
        Assert.Empty(NotKeys(asked));
    }

    private static IEnumerable<string> SourceFiles(string pattern) =>
        Directory.GetFiles(Path.Combine(Repository.Root, "src", "Vouch"), pattern, SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>Each asked text, unescaped as C# reads the literal, that is no key, with the file that asks for it.</summary>
    private static IEnumerable<string> NotKeys(IEnumerable<(string File, string Literal)> asked)
    {
        var keys = English.Keys.ToHashSet(StringComparer.Ordinal);
        return asked.Select(a => (a.File, Text: Regex.Unescape(a.Literal))).Where(a => !keys.Contains(a.Text)).Select(a => $"{a.File}: {a.Text}");
    }

    /// <summary>A format item, "{0}" or "{1:N0}".</summary>
    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>A page's <c>L["literal"]</c>, the literal with its escapes.</summary>
    [GeneratedRegex(@"\bL\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Asked();

    /// <summary>Code's <c>text["literal"]</c>, the literal with its escapes.</summary>
    [GeneratedRegex(@"\btext\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex AskedInCode();
}
