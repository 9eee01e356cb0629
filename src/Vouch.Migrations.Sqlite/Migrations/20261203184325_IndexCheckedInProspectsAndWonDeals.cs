using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndexCheckedInProspectsAndWonDeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_Won",
                table: "Opportunities",
                columns: new[] { "AccountId", "CloseDate", "Amount" },
                filter: "\"IsWon\"");

            migrationBuilder.CreateIndex(
                name: "IX_EventAttendees_CheckedInProspects",
                table: "EventAttendees",
                columns: new[] { "AccountId", "EventId" },
                filter: "\"Role\" = 'Prospect' AND \"CheckedInAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Opportunities_Won",
                table: "Opportunities");

            migrationBuilder.DropIndex(
                name: "IX_EventAttendees_CheckedInProspects",
                table: "EventAttendees");
        }
    }
}
