using Vouch.Commands;
using Vouch.Web;

namespace Vouch.Tests.Unit;

public sealed class PageQueryTests
{
    [Fact]
    public void Defaults_are_the_first_page_of_fifty()
    {
        var query = new PageQuery();

        Assert.Equal((1, 50, 0), (query.PageNumber, query.Size, query.Skip));
    }

    [Theory]
    [InlineData(3, 20, 40)]
    [InlineData(1, 200, 0)]
    public void Skip_counts_the_pages_before(int page, int size, int skip) =>
        Assert.Equal(skip, new PageQuery { Page = page, PageSize = size }.Skip);

    [Theory]
    [InlineData(0, 50, "page")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, 201, "pageSize")]
    public void Out_of_range_values_are_named(int page, int size, string field)
    {
        var errors = new ValidationErrors();

        new PageQuery { Page = page, PageSize = size }.Validate(errors);

        Assert.Equal([field], errors.ToDictionary().Keys);
    }
}
