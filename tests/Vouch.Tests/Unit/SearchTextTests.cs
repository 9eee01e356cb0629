using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Search;

namespace Vouch.Tests.Unit;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Onboarding  time", new[] { "onboarding", "time" })]
    [InlineData("\"win rate\" OR (NEAR*", new[] { "win", "rate", "or", "near" })]
    [InlineData("Zürich café", new[] { "zürich", "café" })]
    [InlineData("time time TIME", new[] { "time" })]
    [InlineData("   ", new string[0])]
    [InlineData("-- ' ; *", new string[0])]
    public void Only_letters_and_digits_make_words(string text, string[] words) =>
        Assert.Equal(words, SearchText.Words(text));

    [Fact]
    public void At_most_eight_words_of_at_most_forty_letters_are_kept()
    {
        var words = SearchText.Words(string.Join(' ', Enumerable.Range(1, 12).Select(i => $"w{i}")) + " " + new string('x', 50));

        Assert.Equal(["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"], words);
        Assert.Equal(new string('x', 40), Assert.Single(SearchText.Words(new string('x', 50))));
    }

    [Fact]
    public void Each_word_matches_itself_the_last_also_as_a_prefix_and_all_words_must_match()
    {
        Assert.Equal("\"win\" AND (\"rat\" OR \"rat\"*)", SearchText.ToFts5(["win", "rat"]));
        Assert.Equal("win & rat:*", SearchText.ToTsQuery(["win", "rat"]));
        Assert.Equal("win:AB & rat:*AB", SearchText.ToTsQuery(["win", "rat"], SearchText.NameAndTitleWeights));
        Assert.Equal("(\"onb\" OR \"onb\"*)", SearchText.ToFts5(["onb"]));
        Assert.Null(SearchText.ToFts5([]));
        Assert.Null(SearchText.ToTsQuery([]));
    }

    [Fact]
    public void The_filters_and_a_word_start_are_lexemes_no_word_can_be_or_start()
    {
        var criteria = new ReferenceCriteria
        {
            Region = Region.NorthAmerica, EmployeesMin = 201, EmployeesMax = 5_000, Stage = AdvocacyStage.RockStar, ConsentAtLeast = ConsentLevel.Verbal,
        };

        Assert.Equal(
            "'_reg northamerica' & ('_emp 201' | '_emp 501' | '_emp 1001') & '_stg rockstar' & ('_con verbal' | '_con written') & '_pfx secur'",
            SearchFacets.TsQuery(criteria, SearchFacets.WordStart("secur")));
        Assert.Null(SearchFacets.TsQuery(new ReferenceCriteria()));
    }

    [Theory]
    [InlineData("integr", "integ")]
    [InlineData("rate", "rat")]
    [InlineData("go", null)]
    public void A_word_is_looked_up_by_the_most_of_its_first_letters_the_index_keeps(string lexeme, string? start) =>
        Assert.Equal(start, SearchFacets.WordStart(lexeme));

    [Theory]
    [InlineData(null, "Cut costs by half.", null, "Cut costs by half.")]
    [InlineData("Use case only.", null, null, "Use case only.")]
    [InlineData(null, "  ", "\"Quote.\"", "\"Quote.\"")]
    [InlineData(null, null, null, null)]
    public void The_excerpt_prefers_results_then_use_case_then_quotes(string? useCase, string? results, string? quotes, string? excerpt) =>
        Assert.Equal(excerpt, ReferenceSearch.Excerpt(useCase, results, quotes));

    [Fact]
    public void A_long_story_is_cut_at_a_word_with_an_ellipsis()
    {
        var story = string.Join(' ', Enumerable.Repeat("results", 40));

        var excerpt = ReferenceSearch.Excerpt(null, story, null)!;

        Assert.True(excerpt.Length <= ReferenceSearch.ExcerptLength, excerpt);
        Assert.EndsWith("results…", excerpt, StringComparison.Ordinal);
    }
}
