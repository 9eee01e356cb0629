using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddProgramDashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgramKpis",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    HigherIsBetter = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramKpis", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportSubscriptions",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubscribedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentFor = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSubscriptions", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_ReportSubscriptions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceRequests_Feedback",
                table: "ReferenceRequests",
                columns: new[] { "OpportunityId", "Status", "Happened", "Helped" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_Closed",
                table: "Opportunities",
                columns: new[] { "CloseDate", "Id", "IsWon", "Amount", "IsClosed" },
                filter: "\"IsClosed\"");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramKpis_Position",
                table: "ProgramKpis",
                column: "Position",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgramKpis");

            migrationBuilder.DropTable(
                name: "ReportSubscriptions");

            migrationBuilder.DropIndex(
                name: "IX_ReferenceRequests_Feedback",
                table: "ReferenceRequests");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_Closed",
                table: "Opportunities");
        }
    }
}
