using Vouch.Features.Ideas.Similarity;

namespace Vouch.Tests.Unit.Ideas;

public sealed class DuplicateClustersTests
{
    private static readonly Guid[] s_ideas = [.. Enumerable.Range(1, 6).Select(n => new Guid(n, 0, 0, new byte[8]))];

    [Fact]
    public void Ideas_linked_through_others_are_one_group_in_the_order_given()
    {
        var groups = DuplicateClusters.Of(s_ideas, [(s_ideas[4], s_ideas[1]), (s_ideas[1], s_ideas[2]), (s_ideas[5], s_ideas[3])]);

        Assert.Equal(2, groups.Count);
        Assert.Equal([s_ideas[1], s_ideas[2], s_ideas[4]], groups[0]);
        Assert.Equal([s_ideas[3], s_ideas[5]], groups[1]);
    }

    [Fact]
    public void An_idea_alone_and_a_pair_naming_an_idea_not_given_make_no_group()
    {
        Assert.Empty(DuplicateClusters.Of(s_ideas[..3], [(s_ideas[0], s_ideas[5]), (s_ideas[1], s_ideas[1])]));
    }
}
