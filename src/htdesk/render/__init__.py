"""Records to HTML, one renderer shared by the screen, printouts and PDF exports."""
