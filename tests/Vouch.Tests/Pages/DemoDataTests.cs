using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Data;
using Vouch.Features.Ideas;
using Vouch.Seeding;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Pages;

public sealed class DemoDataTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_program_has_a_live_idea_board()
    {
        await app.WithScopeAsync(async services =>
        {
            Assert.True(await ActivatorUtilities.CreateInstance<DemoData>(services).SeedAsync(Ct));
            var db = services.GetRequiredService<VouchDbContext>();
            var queries = services.GetRequiredService<IdeaQueries>();
            var manager = await db.Users.SingleAsync(u => u.Email == "manager@vouch.demo", Ct);
            var viewer = new Viewer(manager.Id, IsEmployee: true, IsManager: true);
            async Task<IReadOnlyList<IdeaSummary>> BoardAsync(string sort) =>
                (await queries.SearchAsync(viewer, new PageQuery(), (await queries.ResolveAsync(viewer, new IdeaFilter { Sort = sort }, null, Ct)).Query!, Ct)).Items;

            var hot = await BoardAsync("hot");
            var top = await BoardAsync("top");

            Assert.Equal(13, await db.Ideas.CountAsync(i => i.Board == IdeaBoard.Customer, Ct));
            Assert.Equal(12, hot.Count);
            var employees = (await queries.SearchAsync(viewer, new PageQuery(),
                (await queries.ResolveAsync(viewer, new IdeaFilter { Board = "employee" }, null, Ct)).Query!, Ct)).Items;
            Assert.Equal(3, employees.Count);
            Assert.Empty(employees.Select(i => i.Id).Intersect(hot.Select(i => i.Id)));
            Assert.Equal(top.Select(i => i.Votes).OrderDescending(), top.Select(i => i.Votes));
            Assert.NotEqual(top.Select(i => i.Id), hot.Select(i => i.Id));
            Assert.Equal("Export reports to Excel", top[0].Title);
            Assert.True((await BoardAsync("value"))[0].Demand!.Revenue > 0);
            Assert.NotEmpty(await db.IdeaCredits.ToListAsync(Ct));
            var advocate = await db.Users.SingleAsync(u => u.Email == "advocate@vouch.demo", Ct);
            Assert.NotNull(advocate.ContactId);
        });
    }
}
