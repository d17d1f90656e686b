using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Records.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartialRefIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_rec_statement_Registration_Stored",
                table: "rec_statement");

            migrationBuilder.DropIndex(
                name: "IX_rec_statement_TargetId",
                table: "rec_statement");

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_Registration_Stored",
                table: "rec_statement",
                columns: new[] { "Registration", "Stored" },
                filter: "\"Registration\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_TargetId",
                table: "rec_statement",
                column: "TargetId",
                filter: "\"TargetId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_rec_statement_Registration_Stored",
                table: "rec_statement");

            migrationBuilder.DropIndex(
                name: "IX_rec_statement_TargetId",
                table: "rec_statement");

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_Registration_Stored",
                table: "rec_statement",
                columns: new[] { "Registration", "Stored" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_TargetId",
                table: "rec_statement",
                column: "TargetId");
        }
    }
}
