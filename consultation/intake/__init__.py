"""Comments that reached the city by phone, in person, at meetings, by mail or by email:
staff record them one at a time or import a spreadsheet."""
