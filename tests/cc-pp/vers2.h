int included_from_vers2;
