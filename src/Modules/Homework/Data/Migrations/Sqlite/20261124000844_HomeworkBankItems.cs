using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Homework.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HomeworkBankItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "AutoScore",
                table: "hw_submission",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "answers",
                table: "hw_submission",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "AutoPoints",
                table: "hw_assignment",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "items",
                table: "hw_assignment",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AutoScore",
                table: "hw_submission");

            migrationBuilder.DropColumn(
                name: "answers",
                table: "hw_submission");

            migrationBuilder.DropColumn(
                name: "AutoPoints",
                table: "hw_assignment");

            migrationBuilder.DropColumn(
                name: "items",
                table: "hw_assignment");
        }
    }
}
