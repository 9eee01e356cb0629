using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Matching;

namespace Vouch.Tests.Unit.Matching;

public sealed class MatcherTests
{
    private static readonly DateOnly s_today = new(2026, 11, 22);
    private static readonly Guid s_industry = Guid.NewGuid();
    private static readonly Guid s_otherIndustry = Guid.NewGuid();
    private static readonly Guid[] s_products = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
    private static readonly MatchActivity s_call = new(Guid.NewGuid(), "reference-call", "reference call", 30, SocialCapital.Affiliation | SocialCapital.Reputation);
    private static readonly MatchActivity s_caseStudy = new(Guid.NewGuid(), "case-study", "case study", 180, SocialCapital.Reputation | SocialCapital.Status);
    private static readonly MatchPolicy s_policy = new(AccountAsksPerQuarter: 4, NoAskDaysAfterSigning: 90, s_today);

    private static MatchCriteria Criteria(MatchActivity? activity = null) => new(activity ?? s_call, s_today.AddDays(30));

    private static CandidateAccount Account(
        Guid? industry = null, Guid[]? products = null, Region? region = null, string? country = null, int? employees = null,
        string[]? replaced = null, DateOnly? contract = null) =>
        new(Guid.NewGuid(), industry, products ?? [], region, country, employees, replaced ?? [], contract);

    private static MatchCandidate Candidate(
        CandidateAccount? account = null, ConsentLevel consent = ConsentLevel.Written, DateOnly? expires = null,
        MatchActivity[]? agreed = null, int? maxPerQuarter = null, BlackoutDates[]? blackouts = null,
        SocialCapital wants = SocialCapital.None, string? story = null) =>
        new(Guid.NewGuid(), account ?? Account(), consent, expires, (agreed ?? [s_call]).Select(a => a.Id).ToList(), maxPerQuarter,
            blackouts ?? [], wants, story);

    private static IReadOnlyList<string> Excluded(MatchCandidate candidate, IReadOnlyList<PastAsk>? ledger = null, MatchCriteria? criteria = null) =>
        AskRules.Check(criteria ?? Criteria(), candidate, ledger ?? [], s_policy);

    private static RankedCandidate Ranked(MatchCandidate candidate, MatchCriteria criteria, IReadOnlyList<PastAsk>? ledger = null) =>
        Matcher.Score(criteria, candidate, ledger ?? [], s_today);

    private static PastAsk Ask(MatchCandidate who, DateOnly on, AskState state = AskState.Completed, int rest = 30, int? rating = null) =>
        new(who.ContactId, who.Account.Id, on, state, rest, rating);

    [Fact]
    public void A_consenting_contact_with_nothing_against_them_may_be_asked() =>
        Assert.Empty(Excluded(Candidate()));

    [Fact]
    public void Without_consent_a_contact_is_not_asked() =>
        Assert.Equal(["no consent to be a reference"], Excluded(Candidate(consent: ConsentLevel.None)));

    [Fact]
    public void Verbal_consent_is_enough() =>
        Assert.Empty(Excluded(Candidate(consent: ConsentLevel.Verbal)));

    [Fact]
    public void Consent_that_expired_yesterday_rules_out_and_says_when() =>
        Assert.Equal(["consent expired on 21 November"], Excluded(Candidate(expires: s_today.AddDays(-1))));

    [Fact]
    public void Consent_that_expires_today_still_holds() =>
        Assert.Empty(Excluded(Candidate(expires: s_today)));

    [Fact]
    public void Consent_must_cover_the_activity() =>
        Assert.Equal(["no consent for case studies"], Excluded(Candidate(agreed: [s_call]), criteria: Criteria(s_caseStudy)));

    [Fact]
    public void A_completed_ask_starts_a_rest_period_of_its_activity()
    {
        var contact = Candidate();
        Assert.Equal(["in a rest period until 1 December"], Excluded(contact, [Ask(contact, s_today.AddDays(-21), rest: 30)]));
    }

    [Fact]
    public void The_rest_period_ends_on_its_last_day() =>
        Assert.Empty(Excluded(Candidate() is var c ? c : null!, [Ask(c, s_today.AddDays(-30), rest: 30)]));

    [Fact]
    public void A_scheduled_ask_in_the_future_rests_the_contact_until_after_it()
    {
        var contact = Candidate();
        Assert.Equal(["in a rest period until 3 January 2027"], Excluded(contact, [Ask(contact, s_today.AddDays(12), AskState.Scheduled)]));
    }

    [Fact]
    public void Released_and_reserved_asks_start_no_rest_period()
    {
        var contact = Candidate();
        Assert.Empty(Excluded(contact, [Ask(contact, s_today.AddDays(-2), AskState.Released), Ask(contact, s_today.AddDays(-1), AskState.Reserved)]));
    }

    [Fact]
    public void Another_contacts_ask_does_not_rest_this_one()
    {
        var contact = Candidate();
        var colleague = Candidate(contact.Account);
        Assert.Empty(Excluded(contact, [Ask(colleague, s_today.AddDays(-1))]));
    }

    [Fact]
    public void The_contacts_own_quarterly_limit_counts_reserved_asks_this_quarter()
    {
        var contact = Candidate(maxPerQuarter: 2);
        var ledger = new[] { Ask(contact, new DateOnly(2026, 10, 1), AskState.Completed, rest: 0), Ask(contact, s_today, AskState.Reserved) };
        Assert.Equal(["quarterly limit reached (2 of 2)"], Excluded(contact, ledger));
    }

    [Fact]
    public void Asks_of_last_quarter_and_released_asks_do_not_count_against_the_limit()
    {
        var contact = Candidate(maxPerQuarter: 1);
        var ledger = new[] { Ask(contact, new DateOnly(2026, 9, 30), rest: 0), Ask(contact, s_today, AskState.Released) };
        Assert.Empty(Excluded(contact, ledger));
    }

    [Fact]
    public void The_account_limit_counts_every_contact_of_the_account()
    {
        var account = Account();
        var contact = Candidate(account);
        var others = Enumerable.Range(0, 4).Select(_ => Candidate(account)).ToList();
        var ledger = others.Select(o => Ask(o, s_today, AskState.Reserved)).ToList();
        Assert.Equal(["account limit reached (4 of 4 this quarter)"], Excluded(contact, ledger));
    }

    [Fact]
    public void A_blackout_overlapping_today_to_needed_by_rules_out()
    {
        var contact = Candidate(blackouts: [new BlackoutDates(s_today.AddDays(10), new DateOnly(2026, 12, 10))]);
        Assert.Equal(["blacked out until 10 December"], Excluded(contact));
    }

    [Fact]
    public void A_blackout_after_needed_by_or_already_over_does_not()
    {
        var contact = Candidate(blackouts: [new BlackoutDates(s_today.AddDays(31), s_today.AddDays(40)), new BlackoutDates(s_today.AddDays(-9), s_today.AddDays(-1))]);
        Assert.Empty(Excluded(contact));
    }

    [Fact]
    public void An_account_that_signed_recently_is_not_asked()
    {
        var contact = Candidate(Account(contract: s_today.AddDays(-40)));
        Assert.Equal(["account signed 40 days ago (no asks in the first 90 days)"], Excluded(contact));
    }

    [Fact]
    public void An_account_that_signed_90_days_ago_may_be_asked() =>
        Assert.Empty(Excluded(Candidate(Account(contract: s_today.AddDays(-90)))));

    [Fact]
    public void Every_rule_that_applies_is_named()
    {
        var contact = Candidate(Account(contract: s_today.AddDays(-1)), expires: new DateOnly(2026, 3, 2), agreed: [],
            blackouts: [new BlackoutDates(s_today, s_today)]);
        Assert.Equal(
            ["consent expired on 2 March", "no consent for reference calls", "blacked out until 22 November", "account signed 1 day ago (no asks in the first 90 days)"],
            Excluded(contact));
    }

    [Fact]
    public void Matching_separates_the_allowed_from_the_excluded_and_ranks_by_score()
    {
        var criteria = Criteria() with { IndustryId = s_industry };
        var close = Candidate(Account(s_industry));
        var far = Candidate(Account(s_otherIndustry));
        var ruledOut = Candidate(consent: ConsentLevel.None);

        var result = Matcher.Match(criteria, [far, ruledOut, close], [], s_policy);

        Assert.Equal([close.ContactId, far.ContactId], result.Candidates.Select(c => c.ContactId));
        Assert.Equal(ruledOut.ContactId, Assert.Single(result.Excluded).ContactId);
    }

    [Fact]
    public void A_perfect_fit_scores_100_with_every_reason()
    {
        var criteria = Criteria() with
        {
            IndustryId = s_industry, ProductIds = s_products, CountryCode = "DE", Region = Region.Emea, Employees = 2_500,
            Competitor = "Acme CRM", UseCase = "Forecasting pipeline",
        };
        var contact = Candidate(Account(s_industry, s_products, Region.Emea, "DE", 4_000, ["acme crm"]),
            wants: SocialCapital.Reputation, story: "Our pipeline forecasting got accurate");
        var ranked = Ranked(contact, criteria, [Ask(contact, s_today.AddDays(-200), rating: 5)]);

        Assert.Equal(100, ranked.Score);
        Assert.Equal(
            ["same industry", "uses 3 of 3 products", "same country", "similar size", "replaced the same competitor",
                "story shares 2 of 2 use-case words", "rated 5 of 5 after 1 ask", "last asked 200 days ago", "wants reputation, which a reference call gives"],
            ranked.Reasons);
    }

    [Fact]
    public void Criteria_the_request_leaves_out_are_not_scored()
    {
        // Only ratings, rest and social capital are scored: 5 + 10 + 10 of 30.
        var ranked = Ranked(Candidate(wants: SocialCapital.Reputation), Criteria());
        Assert.Equal(83, ranked.Score);
        Assert.Equal(["never asked before", "wants reputation, which a reference call gives", "not rated yet"], ranked.Reasons);
    }

    [Fact]
    public void Product_overlap_earns_its_share()
    {
        var ranked = Ranked(Candidate(Account(products: [s_products[0], s_products[2]])), Criteria() with { ProductIds = s_products });
        // 13.3 of 20 for products, 5 rating, 10 rest, 5 unknown wants: 33.3 of 50.
        Assert.Equal(67, ranked.Score);
        Assert.Contains("uses 2 of 3 products", ranked.Reasons);
    }

    [Fact]
    public void One_product_asked_for_reads_naturally() =>
        Assert.Contains("uses the product", Ranked(Candidate(Account(products: [s_products[0]])), Criteria() with { ProductIds = [s_products[0]] }).Reasons);

    [Fact]
    public void Same_region_in_another_country_earns_part_of_the_location()
    {
        var ranked = Ranked(Candidate(Account(region: Region.Emea, country: "FR")), Criteria() with { Region = Region.Emea, CountryCode = "DE" });
        Assert.Contains("same region", ranked.Reasons);
        // 6 of 10 for location, 5 rating, 10 rest, 5 unknown wants: 26 of 40.
        Assert.Equal(65, ranked.Score);
    }

    [Theory]
    [InlineData(50, 80, "similar size")]
    [InlineData(150, 80, "close in size")]
    [InlineData(20_000, 80, null)]
    public void Size_compares_bands_of_employees(int prospect, int advocate, string? reason)
    {
        var ranked = Ranked(Candidate(Account(employees: advocate)), Criteria() with { Employees = prospect });
        if (reason is null)
        {
            Assert.DoesNotContain(ranked.Reasons, r => r.Contains("size", StringComparison.Ordinal));
        }
        else
        {
            Assert.Contains(reason, ranked.Reasons);
        }
    }

    [Fact]
    public void A_different_competitor_earns_nothing() =>
        Assert.DoesNotContain("replaced the same competitor", Ranked(Candidate(Account(replaced: ["Globex"])), Criteria() with { Competitor = "Acme" }).Reasons);

    [Fact]
    public void The_use_case_is_compared_by_stemmed_words()
    {
        var ranked = Ranked(Candidate(story: "They automated invoicing and forecast revenue monthly."),
            Criteria() with { UseCase = "automating invoices for a growing team" });
        Assert.Contains("story shares 2 of 4 use-case words", ranked.Reasons);
    }

    [Fact]
    public void Ratings_are_averaged_over_the_contacts_asks()
    {
        var contact = Candidate();
        var ranked = Ranked(contact, Criteria(), [Ask(contact, s_today.AddDays(-100), rating: 4), Ask(contact, s_today.AddDays(-300), rating: 5)]);
        Assert.Contains("rated 4.5 of 5 after 2 asks", ranked.Reasons);
    }

    [Fact]
    public void A_contact_asked_recently_ranks_below_one_rested_longer()
    {
        var recent = Candidate();
        var rested = Candidate();
        var ledger = new[] { Ask(recent, s_today.AddDays(-9), AskState.Completed, rest: 0), Ask(rested, s_today.AddDays(-120), rest: 0) };

        var result = Matcher.Match(Criteria(), [recent, rested], ledger, s_policy);

        Assert.Equal([rested.ContactId, recent.ContactId], result.Candidates.Select(c => c.ContactId));
        Assert.Contains("last asked 9 days ago", result.Candidates[1].Reasons);
    }

    [Fact]
    public void Wants_the_activity_does_not_give_are_said()
    {
        var ranked = Ranked(Candidate(wants: SocialCapital.Learning | SocialCapital.ProductSay), Criteria());
        Assert.Contains("wants learning and a say in the product, which a reference call does not give", ranked.Reasons);
    }

    [Fact]
    public void Several_wants_the_activity_gives_are_listed()
    {
        var ranked = Ranked(Candidate(wants: SocialCapital.Affiliation | SocialCapital.Status | SocialCapital.Reputation, agreed: [s_caseStudy]),
            Criteria(s_caseStudy));
        Assert.Contains("wants reputation and status, which a case study gives", ranked.Reasons);
    }

    [Theory]
    [InlineData("reference call", "reference calls")]
    [InlineData("case study", "case studies")]
    [InlineData("press release", "press releases")]
    [InlineData("speaking", "speaking")]
    [InlineData("beta feedback", "beta feedback")]
    public void Activity_names_in_the_plural(string name, string plural) => Assert.Equal(plural, Words.Plural(name));
}
